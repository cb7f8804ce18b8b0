/**
 * One request through the sandbox: injected fault, else the routed handler;
 * errors become Graph error bodies and relative fixture times become ISO.
 * Top-level requests and inner batch requests both come through here.
 */
import { randomUUID } from 'node:crypto';
import { errorBody, GraphError, type RequestIds } from './graphErrors';
import { resolveRelativeTimes } from './relativeTime';
import type { FaultInjector } from './faults';
import type { GraphRequest, GraphResponse, RequestContext } from './exchange';
import type { Router } from './router';

export function requestIdsFor(req: GraphRequest): RequestIds {
  const requestId = randomUUID();
  return { requestId, clientRequestId: req.headers['client-request-id'] ?? requestId };
}

export function errorResponse(error: GraphError, ids: RequestIds, now: Date): GraphResponse {
  return {
    status: error.status,
    headers: { 'Cache-Control': 'no-cache', 'Content-Type': 'application/json', ...error.headers },
    body: errorBody(error, ids, now),
  };
}

function asGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  // A sandbox bug still answers like Graph would, so clients exercise their 5xx path.
  const detail = error instanceof Error ? error.message : String(error);
  return new GraphError(500, 'generalException', `General exception while processing. (${detail})`);
}

export function dispatch(
  req: GraphRequest,
  ctx: RequestContext,
  router: Router,
  faults: FaultInjector,
  ids: RequestIds,
): GraphResponse {
  try {
    const fault = faults.faultFor(req.method, req.rawPath);
    if (fault) throw fault;
    const response = router.handle(req, ctx);
    return response.body === undefined ? response : { ...response, body: resolveRelativeTimes(response.body, ctx.now) };
  } catch (error) {
    return errorResponse(asGraphError(error), ids, ctx.now);
  }
}
