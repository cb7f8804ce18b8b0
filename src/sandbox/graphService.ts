/**
 * The Graph side of the server: turns one HTTP request into a Graph response
 * (version, latency, faults, `$batch` or a routed handler) and records it,
 * with every inner batch request, in the request log.
 */
import { parseBatch, runBatch } from './batch';
import { dispatch, errorResponse, requestIdsFor } from './dispatch';
import { ok, type GraphRequest, type GraphResponse, type GraphVersion, type Licence, type RequestContext } from './exchange';
import type { FaultInjector } from './faults';
import { GraphError, methodNotAllowed, type RequestIds } from './graphErrors';
import { parseJsonBody } from './httpIo';
import type { Router } from './router';
import type { TenantState } from './tenantState';

export interface RequestLogEntry {
  method: string;
  /** Path after the version segment, without the query, as sent (e.g. `/$batch`, `/users/x%40y/memberOf`). */
  path: string;
  /** The raw query string, '' when none. */
  query: string;
  version: GraphVersion | null;
  /** True for a request inside a `$batch`. */
  inner: boolean;
  status: number;
}

export interface GraphServiceSettings {
  tenant: TenantState;
  router: Router;
  faults: FaultInjector;
  clock: () => Date;
  licence: () => Licence;
  /** The server's base URL, known once it listens. */
  baseUrl: () => string;
  requestLog: RequestLogEntry[];
}

export interface IncomingGraphRequest {
  method: string;
  /** Path and query as sent, fragment already removed. */
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string>;
  readBody: () => Promise<string>;
}

export interface AnsweredRequest {
  response: GraphResponse;
  requestId: string;
  clientRequestId: string;
}

const VERSIONS: readonly GraphVersion[] = ['v1.0', 'beta'];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isBatchPath(rawPath: string): boolean {
  return /^\/(\$|%24)batch\/?$/i.test(rawPath);
}

export type GraphService = (incoming: IncomingGraphRequest) => Promise<AnsweredRequest>;

export function createGraphService(settings: GraphServiceSettings): GraphService {
  const { tenant, router, faults, requestLog } = settings;

  const record = (req: GraphRequest, status: number, version: GraphVersion | null = req.version): void => {
    requestLog.push({ method: req.method, path: req.rawPath, query: req.rawQuery, version, inner: req.inner, status });
  };

  const answerBatch = (req: GraphRequest, ctx: RequestContext): GraphResponse => {
    const responses = runBatch(parseBatch(req.body), req.version, (inner, dependencyFailed) => {
      const ids = requestIdsFor(inner);
      const response = dependencyFailed
        ? errorResponse(
            new GraphError(424, 'FailedDependency', 'The request was not run because a request it depends on failed.'),
            ids,
            ctx.now,
          )
        : dispatch(inner, ctx, router, faults, ids);
      record(inner, response.status);
      return response;
    });
    return ok({ responses });
  };

  const answer = (req: GraphRequest, ctx: RequestContext, ids: RequestIds): GraphResponse => {
    if (!isBatchPath(req.rawPath)) return dispatch(req, ctx, router, faults, ids);
    // The envelope is a request of its own: a rule may fail the whole batch.
    const fault = faults.faultFor(req.method, req.rawPath);
    if (fault) throw fault;
    if (req.method !== 'POST') throw methodNotAllowed();
    return answerBatch(req, ctx);
  };

  return async (incoming) => {
    const bodyText = await incoming.readBody();
    await sleep(faults.latencyMs);
    const now = settings.clock();
    const [, versionSegment = '', ...rest] = incoming.rawPath.split('/');
    const version = VERSIONS.find((candidate) => candidate === versionSegment);
    const req: GraphRequest = {
      method: incoming.method,
      version: version ?? 'v1.0',
      rawPath: version === undefined ? incoming.rawPath : `/${rest.join('/')}`,
      rawQuery: incoming.rawQuery,
      query: new URLSearchParams(incoming.rawQuery),
      headers: incoming.headers,
      body: undefined,
      inner: false,
    };
    const ids = requestIdsFor(req);
    let response: GraphResponse;
    try {
      if (version === undefined) throw new GraphError(400, 'BadRequest', 'Invalid version.');
      const ctx: RequestContext = {
        tenant,
        now,
        serviceRoot: `${settings.baseUrl()}/${version}`,
        version,
        licence: settings.licence(),
      };
      response = answer({ ...req, body: parseJsonBody(bodyText) }, ctx, ids);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      response = errorResponse(error, ids, now);
    }
    record(req, response.status, version ?? null);
    return { response, ...ids };
  };
}
