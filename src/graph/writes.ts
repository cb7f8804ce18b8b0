/**
 * The Graph calls behind the card's actions (docs/graph-facts.md §6, §7, §13):
 * Temporary Access Pass create and list, passkey list and delete, and
 * revoking sign-in sessions. Every failure comes back as a typed result with
 * a sentence for the approver, so a workflow can stay retryable; nothing
 * here throws for an HTTP status.
 *
 * Paths use object ids, percent-encoded. The body of a TAP create response
 * holds the code: it is read once into a `TapSecret` and never logged.
 */
import type { Fido2Method, TapMethod } from '../model/facts';
import type { Result } from '../model/result';
import { PasskeyDoctorError } from '../errors/catalog';
import { fill } from '../errors/words';
import { logger } from '../logger';
import { DEFAULT_RETRY_POLICY, nextRetry, retryAfterMs, type RetryCounts, type RetryPolicy } from './retryPolicy';
import { pathSegment } from './odata';
import { parseMethod } from './parse/user';
import { obj, str, values } from './parse/values';
import { PERMISSIONS } from './permissions';
import { graphErrorCode } from './responseErrors';
import { TapSecret } from './tapSecret';
import { TransportError, UsageMeter, type GraphTransport, type RawResponse } from './transport';

export type WriteFailureCode =
  | 'TAP_LIFETIME_OUT_OF_RANGE'
  | 'TAP_EXTERNAL_GUEST'
  | 'BAD_REQUEST'
  | 'PERMISSION_MISSING'
  | 'THROTTLED'
  | 'NOT_FOUND'
  | 'UNAUTHORISED'
  | 'UNAVAILABLE';

/**
 * What the person who clicked reads for each failure, by code and by way the
 * code is met; `{what}` is the operation in words (OPERATION_WORDS).
 */
export const WRITE_FAILURE_WORDS = {
  TAP_LIFETIME_OUT_OF_RANGE: {
    policyChanged:
      "Microsoft Graph rejected the pass's lifetime: {detail} The TAP policy changed since it was read; approve again to use the current limits.",
  },
  TAP_EXTERNAL_GUEST: {
    guest:
      'Microsoft Graph will not add a Temporary Access Pass to an external guest: ' +
      'the user signs in at their home organisation, so escalate to the identity team instead.',
  },
  PERMISSION_MISSING: {
    grant: 'Passkey Doctor may not {what}: grant the {permission} application permission (admin consent), then try again.',
  },
  NOT_FOUND: {
    gone: 'Could not {what}: Microsoft Graph no longer finds it ({graphCode}).',
  },
  THROTTLED: {
    later: 'Microsoft Graph is throttling requests, so Passkey Doctor could not {what}; nothing was changed. Try again in {seconds} seconds.',
  },
  BAD_REQUEST: {
    refused: 'Microsoft Graph refused to {what}: {detail}.',
  },
  UNAVAILABLE: {
    noAnswer: 'Microsoft Graph did not answer properly ({status}), so Passkey Doctor could not {what}. Try again in a minute.',
    // A create that got no answer may still have made a pass nobody saw; a new one replaces it.
    noAnswerToCreate:
      'Microsoft Graph did not answer properly ({status}), so Passkey Doctor could not {what}. Try again in a minute. ' +
      'If a pass was made, nobody has seen it, and approving again replaces it.',
    noPass: 'Microsoft Graph answered without a Temporary Access Pass; nothing can be shown. Try again.',
  },
  // UNAUTHORISED carries the transport's own sentence (ErrorCode GRAPH_UNAUTHORISED), so it has none here.
} as const satisfies Partial<Record<WriteFailureCode, Record<string, string>>>;

export interface WriteFailure {
  code: WriteFailureCode;
  /** One sentence for the person who clicked: what happened and what to do. */
  message: string;
  /** HTTP status, 0 when no response came back. */
  status: number;
  /** Graph's `error.code`, when it sent one. */
  graphCode?: string;
  /** The application permission to grant, for PERMISSION_MISSING. */
  permission?: string;
  /** For THROTTLED: when Graph said to come back. */
  retryAfterSeconds?: number;
}

export type WriteResult<T> = Result<T, WriteFailure>;

/** A pass just created: its public facts, and the code apart from them. */
export interface CreatedTap {
  method: TapMethod & { startDateTime: string; lifetimeInMinutes: number; isUsableOnce: boolean };
  secret: TapSecret;
}

export interface TapRequestBody {
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
}

type Operation = 'createTap' | 'listTaps' | 'listPasskeys' | 'deletePasskey' | 'revokeSessions';

const PERMISSION_FOR: Record<Operation, string> = {
  createTap: PERMISSIONS.createTap,
  listTaps: PERMISSIONS.createTap,
  listPasskeys: PERMISSIONS.deletePasskey,
  deletePasskey: PERMISSIONS.deletePasskey,
  revokeSessions: PERMISSIONS.revokeSessions,
};

const OPERATION_WORDS: Record<Operation, string> = {
  createTap: 'create the Temporary Access Pass',
  listTaps: "read the user's Temporary Access Pass",
  listPasskeys: "read the user's passkeys",
  deletePasskey: 'remove the passkey',
  revokeSessions: "revoke the user's sign-in sessions",
};

/**
 * Creating a pass is not idempotent (a second one replaces the first), so
 * only a 429 — which Graph answers before doing anything — is retried.
 */
const RETRIES_TRANSIENT: Record<Operation, boolean> = {
  createTap: false,
  listTaps: true,
  listPasskeys: true,
  deletePasskey: true,
  revokeSessions: true,
};

function graphMessage(body: unknown): string | undefined {
  return str(obj(obj(body).error).message) ?? undefined;
}

function failureOf(operation: Operation, response: RawResponse): WriteFailure {
  const { status } = response;
  const graphCode = graphErrorCode(response.body);
  const detail = graphMessage(response.body);
  const what = OPERATION_WORDS[operation];
  if (status === 400 && operation === 'createTap') {
    // Both arrive as `badRequest`; only Graph's message tells them apart (docs/graph-facts.md §7).
    if (detail && /LifetimeInMinutes/i.test(detail)) {
      return { code: 'TAP_LIFETIME_OUT_OF_RANGE', status, graphCode, message: fill(WRITE_FAILURE_WORDS.TAP_LIFETIME_OUT_OF_RANGE.policyChanged, { detail }) };
    }
    if (detail && /external guest/i.test(detail)) {
      return { code: 'TAP_EXTERNAL_GUEST', status, graphCode, message: WRITE_FAILURE_WORDS.TAP_EXTERNAL_GUEST.guest };
    }
  }
  if (status === 401 || status === 403) {
    const permission = PERMISSION_FOR[operation];
    return { code: 'PERMISSION_MISSING', status, graphCode, permission, message: fill(WRITE_FAILURE_WORDS.PERMISSION_MISSING.grant, { what, permission }) };
  }
  if (status === 404) {
    return { code: 'NOT_FOUND', status, graphCode, message: fill(WRITE_FAILURE_WORDS.NOT_FOUND.gone, { what, graphCode: graphCode ?? 'not found' }) };
  }
  if (status === 429) {
    const retryAfterSeconds = Math.ceil(retryAfterMs(response.headers, 0) / 1000);
    const message = fill(WRITE_FAILURE_WORDS.THROTTLED.later, { what, seconds: Math.max(retryAfterSeconds, 30) });
    return { code: 'THROTTLED', status, graphCode, retryAfterSeconds, message };
  }
  if (status >= 400 && status < 500) {
    return { code: 'BAD_REQUEST', status, graphCode, message: fill(WRITE_FAILURE_WORDS.BAD_REQUEST.refused, { what, detail: detail ?? graphCode ?? `status ${status}` }) };
  }
  const words = operation === 'createTap' ? WRITE_FAILURE_WORDS.UNAVAILABLE.noAnswerToCreate : WRITE_FAILURE_WORDS.UNAVAILABLE.noAnswer;
  return { code: 'UNAVAILABLE', status, graphCode, message: fill(words, { status: status || 'no response', what }) };
}

function tapOf(raw: unknown): TapMethod {
  return parseMethod({ '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod', ...obj(raw) }) as TapMethod;
}

function passkeyOf(raw: unknown): Fido2Method {
  return parseMethod({ '@odata.type': '#microsoft.graph.fido2AuthenticationMethod', ...obj(raw) }) as Fido2Method;
}

export class GraphWrites {
  constructor(
    private readonly transport: GraphTransport,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  /** `POST /users/{id}/authentication/temporaryAccessPassMethods` → 201 with the code. */
  async createTemporaryAccessPass(userId: string, request: TapRequestBody): Promise<WriteResult<CreatedTap>> {
    const response = await this.send('createTap', 'POST', `/users/${pathSegment(userId)}/authentication/temporaryAccessPassMethods`, request);
    if (!response.ok) return response;
    const body = obj(response.value.body);
    const code = str(body.temporaryAccessPass);
    const method = tapOf(body);
    if (!code || !method.id) {
      return { ok: false, failure: { code: 'UNAVAILABLE', status: response.value.status, message: WRITE_FAILURE_WORDS.UNAVAILABLE.noPass } };
    }
    return {
      ok: true,
      value: {
        method: {
          ...method,
          startDateTime: method.startDateTime ?? method.createdDateTime ?? new Date().toISOString(),
          lifetimeInMinutes: method.lifetimeInMinutes ?? request.lifetimeInMinutes,
          isUsableOnce: method.isUsableOnce ?? request.isUsableOnce,
        },
        secret: new TapSecret(code),
      },
    };
  }

  /** `GET …/temporaryAccessPassMethods` (at most one item; the code is always null on read). */
  async listTemporaryAccessPasses(userId: string): Promise<WriteResult<TapMethod[]>> {
    const response = await this.send('listTaps', 'GET', `/users/${pathSegment(userId)}/authentication/temporaryAccessPassMethods`);
    return response.ok ? { ok: true, value: values(response.value.body).map(tapOf) } : response;
  }

  /** `GET …/fido2Methods`. */
  async listPasskeys(userId: string): Promise<WriteResult<Fido2Method[]>> {
    const response = await this.send('listPasskeys', 'GET', `/users/${pathSegment(userId)}/authentication/fido2Methods`);
    return response.ok ? { ok: true, value: values(response.value.body).map(passkeyOf) } : response;
  }

  /** `DELETE …/fido2Methods/{id}` → 204. */
  async deletePasskey(userId: string, methodId: string): Promise<WriteResult<void>> {
    const response = await this.send('deletePasskey', 'DELETE', `/users/${pathSegment(userId)}/authentication/fido2Methods/${pathSegment(methodId)}`);
    return response.ok ? { ok: true, value: undefined } : response;
  }

  /** `POST /users/{id}/revokeSignInSessions`; any 2xx is success (docs/graph-facts.md §13). */
  async revokeSignInSessions(userId: string): Promise<WriteResult<void>> {
    const response = await this.send('revokeSessions', 'POST', `/users/${pathSegment(userId)}/revokeSignInSessions`);
    return response.ok ? { ok: true, value: undefined } : response;
  }

  private async send(operation: Operation, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<WriteResult<RawResponse>> {
    const meter = new UsageMeter();
    const counts: RetryCounts = { throttled: 0, transient: 0 };
    for (;;) {
      const answer = await this.attempt(method, path, meter, body);
      if ('failure' in answer) return { ok: false, failure: answer.failure };
      const { response } = answer;
      // Status and Graph's error code only: a 201 body may hold a pass.
      logger.debug('graph write', { operation, status: response.status, graphCode: graphErrorCode(response.body) });
      if (response.status >= 200 && response.status < 300) return { ok: true, value: response };
      const step = nextRetry(this.retry, response, counts, RETRIES_TRANSIENT[operation]);
      if (!step) {
        const failure = failureOf(operation, response);
        logger.warn('graph write failed', { operation, status: failure.status, graphCode: failure.graphCode, failure: failure.code });
        return { ok: false, failure };
      }
      counts[step.reason] += 1;
      await this.retry.sleep(step.waitMs);
    }
  }

  private async attempt(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    meter: UsageMeter,
    body?: unknown,
  ): Promise<{ response: RawResponse } | { failure: WriteFailure }> {
    try {
      return { response: await this.transport.send(method, 'v1.0', path, meter, method === 'POST' ? { body: body ?? {} } : {}) };
    } catch (error) {
      if (error instanceof TransportError) return { response: { status: 0, headers: {}, body: null } };
      if (error instanceof PasskeyDoctorError && error.code === 'GRAPH_UNAUTHORISED') {
        return { failure: { code: 'UNAUTHORISED', status: 401, message: error.message } };
      }
      throw error;
    }
  }
}
