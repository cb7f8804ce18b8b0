/**
 * A user's registered authentication methods: the mixed `methods` list, the
 * typed collections (`fido2Methods`, `temporaryAccessPassMethods`, …), and
 * deleting a passkey or a pass.
 */
import { recordAudit } from '../auditTrail';
import { requireUser, userId } from '../directory';
import { itemNotFound, methodNotAllowed, segmentNotFound } from '../graphErrors';
import { metadataUrl, noContent, ok, type RequestContext } from '../exchange';
import type { Route } from '../router';
import type { JsonObject } from '../tenantState';
import { TAP_TYPE, tapView } from './temporaryAccessPass';

/** Typed collection → the method type it holds. */
const COLLECTIONS: Record<string, string> = {
  fido2methods: 'fido2AuthenticationMethod',
  temporaryaccesspassmethods: 'temporaryAccessPassAuthenticationMethod',
  microsoftauthenticatormethods: 'microsoftAuthenticatorAuthenticationMethod',
  phonemethods: 'phoneAuthenticationMethod',
  emailmethods: 'emailAuthenticationMethod',
  passwordmethods: 'passwordAuthenticationMethod',
  softwareoathmethods: 'softwareOathAuthenticationMethod',
  windowshelloforbusinessmethods: 'windowsHelloForBusinessAuthenticationMethod',
  platformcredentialmethods: 'platformCredentialAuthenticationMethod',
  externalauthenticationmethods: 'externalAuthenticationMethod',
  hardwareoathmethods: 'hardwareOathAuthenticationMethod',
  passwordlessmicrosoftauthenticatormethods: 'passwordlessMicrosoftAuthenticatorAuthenticationMethod',
};

const BETA_ONLY_TYPES = new Set(['hardwareOathAuthenticationMethod', 'passwordlessMicrosoftAuthenticatorAuthenticationMethod']);

/** What deleting a method of this type is logged as. */
const DELETE_REASONS: Record<string, string> = {
  fido2AuthenticationMethod: 'Admin deleted Fido2 Authentication Method for user',
  temporaryAccessPassAuthenticationMethod: 'Admin deleted temporary access pass method for user',
};

function typeName(method: JsonObject): string {
  return String(method['@odata.type']).replace('#microsoft.graph.', '');
}

/** The user's methods as this API version shows them. */
function visibleMethods(ctx: RequestContext, user: JsonObject): JsonObject[] {
  const methods = ctx.tenant.authenticationMethods.get(userId(user)) ?? [];
  return methods
    .filter((method) => ctx.version === 'beta' || !BETA_ONLY_TYPES.has(typeName(method)))
    .map((method) => {
      const view = method['@odata.type'] === TAP_TYPE ? tapView(method, ctx.tenant, ctx.now) : { ...method };
      if (ctx.version === 'v1.0') delete view['lastUsedDateTime'];
      return view;
    });
}

function collectionType(ctx: RequestContext, collection: string): string {
  const type = COLLECTIONS[collection.toLowerCase()];
  if (type === undefined || (ctx.version === 'v1.0' && BETA_ONLY_TYPES.has(type))) throw segmentNotFound(collection);
  return type;
}

/** Items of a typed collection carry no `@odata.type`: their type is the collection's. */
function withoutType(method: JsonObject): JsonObject {
  const { '@odata.type': _type, ...rest } = method;
  return rest;
}

function findMethod(ctx: RequestContext, user: JsonObject, collection: string, id: string): JsonObject {
  const type = collectionType(ctx, collection);
  const method = visibleMethods(ctx, user).find((item) => typeName(item) === type && item['id'] === id);
  if (!method) throw itemNotFound(`Authentication method '${id}'`);
  return method;
}

export const authenticationMethodRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/{user}/authentication/methods',
    handler: (_req, { user: key = '' }, ctx) => {
      const user = requireUser(ctx.tenant, key);
      return ok({
        '@odata.context': metadataUrl(ctx, `users('${userId(user)}')/authentication/methods`),
        value: visibleMethods(ctx, user),
      });
    },
  },
  {
    method: 'GET',
    path: '/users/{user}/authentication/{collection}',
    handler: (_req, { user: key = '', collection = '' }, ctx) => {
      const user = requireUser(ctx.tenant, key);
      const type = collectionType(ctx, collection);
      return ok({
        '@odata.context': metadataUrl(ctx, `users('${userId(user)}')/authentication/${collection}`),
        value: visibleMethods(ctx, user)
          .filter((method) => typeName(method) === type)
          .map(withoutType),
      });
    },
  },
  {
    method: 'GET',
    path: '/users/{user}/authentication/{collection}/{id}',
    handler: (_req, { user: key = '', collection = '', id = '' }, ctx) => {
      const user = requireUser(ctx.tenant, key);
      const method = findMethod(ctx, user, collection, id);
      return ok({
        '@odata.context': metadataUrl(ctx, `users('${userId(user)}')/authentication/${collection}/$entity`),
        ...withoutType(method),
      });
    },
  },
  {
    method: 'DELETE',
    path: '/users/{user}/authentication/{collection}/{id}',
    handler: (_req, { user: key = '', collection = '', id = '' }, ctx) => {
      const user = requireUser(ctx.tenant, key);
      const type = collectionType(ctx, collection);
      const reason = DELETE_REASONS[type];
      if (reason === undefined) throw methodNotAllowed();
      findMethod(ctx, user, collection, id);
      const methods = ctx.tenant.authenticationMethods.get(userId(user)) ?? [];
      ctx.tenant.authenticationMethods.set(
        userId(user),
        methods.filter((method) => !(typeName(method) === type && method['id'] === id)),
      );
      recordAudit(ctx.tenant, {
        activityDisplayName: 'Admin deleted security info',
        loggedByService: 'Authentication Methods',
        operationType: 'Delete',
        resultReason: reason,
        target: user,
        now: ctx.now,
      });
      return noContent();
    },
  },
];
