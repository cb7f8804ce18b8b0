/**
 * Temporary Access Pass: how a stored pass reads (usability is computed from
 * the clock and the policy, the code is never returned again) and how one is
 * created. The code exists only in the 201 response.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { recordAudit } from '../auditTrail';
import { requireUser, userId } from '../directory';
import { GraphError, invalidRequestBody } from '../graphErrors';
import { metadataUrl, ok, type RequestContext } from '../exchange';
import { instantOf } from '../relativeTime';
import type { Route } from '../router';
import type { JsonObject, TenantState } from '../tenantState';

export const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+!#$%&*=?@';

function tapPolicy(tenant: TenantState): JsonObject {
  const list = tenant.authenticationMethodsPolicy['authenticationMethodConfigurations'];
  const configurations = Array.isArray(list) ? (list as JsonObject[]) : [];
  return configurations.find((item) => String(item['id']).toLowerCase() === 'temporaryaccesspass') ?? {};
}

function numberSetting(policy: JsonObject, name: string, fallback: number): number {
  const value = policy[name];
  return typeof value === 'number' ? value : fallback;
}

/** Why a stored pass can or cannot be used right now, as Graph reports it. */
function usability(method: JsonObject, tenant: TenantState, now: Date): { isUsable: boolean; methodUsabilityReason: string } {
  if (method['methodUsabilityReason'] === 'OneTimeUsed') return { isUsable: false, methodUsabilityReason: 'OneTimeUsed' };
  if (tapPolicy(tenant)['state'] !== 'enabled') return { isUsable: false, methodUsabilityReason: 'DisabledByPolicy' };
  const start = instantOf(method['startDateTime'] ?? method['createdDateTime'], now) ?? now.getTime();
  const lifetime = typeof method['lifetimeInMinutes'] === 'number' ? method['lifetimeInMinutes'] : 0;
  if (now.getTime() < start) return { isUsable: false, methodUsabilityReason: 'NotYetValid' };
  if (now.getTime() >= start + lifetime * 60_000) return { isUsable: false, methodUsabilityReason: 'Expired' };
  return { isUsable: true, methodUsabilityReason: 'EnabledByPolicy' };
}

/** A stored pass as any read returns it. */
export function tapView(method: JsonObject, tenant: TenantState, now: Date): JsonObject {
  return { ...method, temporaryAccessPass: null, ...usability(method, tenant, now) };
}

function isExternalGuest(user: JsonObject): boolean {
  return user['userType'] === 'Guest' && String(user['userPrincipalName']).toUpperCase().includes('#EXT#');
}

interface TapRequest {
  startDateTime?: string;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
}

function parseTapRequest(body: unknown): TapRequest {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidRequestBody('expected a JSON object.');
  const { startDateTime, lifetimeInMinutes, isUsableOnce } = body as Record<string, unknown>;
  if (startDateTime !== undefined && (typeof startDateTime !== 'string' || Number.isNaN(Date.parse(startDateTime)))) {
    throw new GraphError(400, 'badRequest', 'Invalid StartDateTime specified.');
  }
  if (lifetimeInMinutes !== undefined && (typeof lifetimeInMinutes !== 'number' || !Number.isInteger(lifetimeInMinutes))) {
    throw new GraphError(400, 'badRequest', 'Invalid LifetimeInMinutes specified.');
  }
  if (isUsableOnce !== undefined && typeof isUsableOnce !== 'boolean') {
    throw new GraphError(400, 'badRequest', 'Invalid IsUsableOnce specified.');
  }
  return { startDateTime, lifetimeInMinutes, isUsableOnce };
}

function generateCode(length: number): string {
  let code = '';
  for (let index = 0; index < length; index += 1) code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return code;
}

function createTap(ctx: RequestContext, key: string, body: unknown): JsonObject {
  const user = requireUser(ctx.tenant, key);
  if (isExternalGuest(user)) {
    throw new GraphError(400, 'badRequest', 'Temporary Access Pass cannot be added to an external guest user.');
  }
  const request = parseTapRequest(body);
  const policy = tapPolicy(ctx.tenant);
  const minimum = numberSetting(policy, 'minimumLifetimeInMinutes', 60);
  const maximum = numberSetting(policy, 'maximumLifetimeInMinutes', 480);
  const lifetime = request.lifetimeInMinutes ?? numberSetting(policy, 'defaultLifetimeInMinutes', 60);
  if (lifetime < minimum || lifetime > maximum) {
    throw new GraphError(
      400,
      'badRequest',
      `Invalid LifetimeInMinutes specified. The valid range between ${minimum} and ${maximum}.`,
    );
  }
  const createdDateTime = ctx.now.toISOString();
  const stored: JsonObject = {
    '@odata.type': TAP_TYPE,
    id: randomUUID(),
    temporaryAccessPass: null,
    createdDateTime,
    startDateTime: request.startDateTime === undefined ? createdDateTime : new Date(request.startDateTime).toISOString(),
    lifetimeInMinutes: lifetime,
    isUsableOnce: request.isUsableOnce ?? policy['isUsableOnce'] === true,
  };
  // Graph keeps one pass per user: a new one replaces the old.
  const methods = ctx.tenant.authenticationMethods.get(userId(user)) ?? [];
  const kept = methods.filter((method) => method['@odata.type'] !== TAP_TYPE);
  ctx.tenant.authenticationMethods.set(userId(user), [...kept, stored]);
  recordAudit(ctx.tenant, {
    activityDisplayName: 'Admin registered security info',
    loggedByService: 'Authentication Methods',
    operationType: 'Add',
    resultReason: 'Admin registered temporary access pass method for user',
    target: user,
    now: ctx.now,
  });
  const code = generateCode(Math.min(48, Math.max(8, numberSetting(policy, 'defaultLength', 8))));
  return {
    '@odata.context': metadataUrl(ctx, `users('${userId(user)}')/authentication/temporaryAccessPassMethods/$entity`),
    ...tapView(stored, ctx.tenant, ctx.now),
    temporaryAccessPass: code,
  };
}

export const temporaryAccessPassRoutes: Route[] = [
  {
    method: 'POST',
    path: '/users/{user}/authentication/temporaryAccessPassMethods',
    handler: (req, { user = '' }, ctx) => ok(createTap(ctx, user, req.body), 201),
  },
];
