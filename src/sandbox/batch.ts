/**
 * JSON batching (`POST /{version}/$batch`) as Graph does it: at most 20
 * requests with unique ids, a body only with a Content-Type, inner URLs
 * relative to the version root, `dependsOn` sequencing with 424 for the
 * dependants of a failed request. The envelope answers 200 once it parses;
 * each inner request gets its own status (and its own injected fault).
 */
import { GraphError } from './graphErrors';
import { isObject } from './json';
import type { GraphRequest, GraphResponse, GraphVersion } from './exchange';

const MAX_BATCH_REQUESTS = 20;

interface InnerRequestSpec {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Runs one inner request (faults, routing, logging) and returns its
 * response; when a dependency failed it answers 424 without running it.
 */
export type InnerRunner = (req: GraphRequest, dependencyFailed: boolean) => GraphResponse;

const invalidPayload = (): GraphError => new GraphError(400, 'BadRequest', 'Invalid batch payload format.');

function parseInner(item: unknown): InnerRequestSpec {
  if (!isObject(item)) throw invalidPayload();
  const { id, method, url, headers, body, dependsOn } = item;
  if (typeof id !== 'string' || id === '' || typeof method !== 'string' || typeof url !== 'string') throw invalidPayload();
  if (headers !== undefined && !isObject(headers)) throw invalidPayload();
  if (dependsOn !== undefined && !(Array.isArray(dependsOn) && dependsOn.every((dep) => typeof dep === 'string'))) {
    throw invalidPayload();
  }
  const lowerHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) lowerHeaders[name.toLowerCase()] = String(value);
  if (body !== undefined && lowerHeaders['content-type'] === undefined) {
    throw new GraphError(400, 'BadRequest', `Write request id : ${id} does not contain Content-Type header or body.`);
  }
  return {
    id,
    method: method.toUpperCase(),
    url,
    headers: lowerHeaders,
    body,
    dependsOn: (dependsOn as string[] | undefined) ?? [],
  };
}

/** Validates the envelope; throws a 400 `GraphError` for the whole batch. */
export function parseBatch(body: unknown): InnerRequestSpec[] {
  if (!isObject(body) || !Array.isArray(body['requests'])) throw invalidPayload();
  const items = body['requests'];
  if (items.length > MAX_BATCH_REQUESTS) {
    throw new GraphError(
      400,
      'BadRequest',
      `The batch request contains ${items.length} requests; the maximum is ${MAX_BATCH_REQUESTS}.`,
    );
  }
  const requests = items.map(parseInner);
  const ids = new Set<string>();
  for (const request of requests) {
    if (ids.has(request.id)) throw new GraphError(400, 'BadRequest', `Batch request id '${request.id}' is not unique.`);
    ids.add(request.id);
  }
  for (const request of requests) {
    const unknown = request.dependsOn.find((dep) => !ids.has(dep));
    if (unknown !== undefined) {
      throw new GraphError(400, 'BadRequest', `Request id '${request.id}' depends on unknown request id '${unknown}'.`);
    }
  }
  rejectCycles(requests);
  return requests;
}

function rejectCycles(requests: InnerRequestSpec[]): void {
  const byId = new Map(requests.map((request) => [request.id, request]));
  const settled = new Set<string>();
  const visit = (request: InnerRequestSpec, path: Set<string>): void => {
    if (settled.has(request.id)) return;
    if (path.has(request.id)) {
      throw new GraphError(400, 'BadRequest', `Request id '${request.id}' has a circular dependsOn.`);
    }
    path.add(request.id);
    for (const dep of request.dependsOn) visit(byId.get(dep) as InnerRequestSpec, path);
    path.delete(request.id);
    settled.add(request.id);
  };
  for (const request of requests) visit(request, new Set());
}

/** The inner URL as a request: relative to the version root, a fragment dropped as a URL parser would. */
function innerRequest(spec: InnerRequestSpec, version: GraphVersion): GraphRequest {
  const withoutFragment = spec.url.split('#')[0] ?? '';
  const queryStart = withoutFragment.indexOf('?');
  const path = queryStart === -1 ? withoutFragment : withoutFragment.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : withoutFragment.slice(queryStart + 1);
  return {
    method: spec.method,
    version,
    rawPath: path.startsWith('/') ? path : `/${path}`,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: spec.headers,
    body: spec.body,
    inner: true,
  };
}

/** Runs the inner requests, each after the ones it depends on, and lists the answers in request order. */
export function runBatch(requests: InnerRequestSpec[], version: GraphVersion, run: InnerRunner): BatchResponseItem[] {
  const byId = new Map(requests.map((request) => [request.id, request]));
  const done = new Map<string, GraphResponse>();

  const execute = (spec: InnerRequestSpec): GraphResponse => {
    const finished = done.get(spec.id);
    if (finished) return finished;
    const dependencies = spec.dependsOn.map((dep) => execute(byId.get(dep) as InnerRequestSpec));
    const dependencyFailed = dependencies.some((dependency) => dependency.status >= 400);
    const response = run(innerRequest(spec, version), dependencyFailed);
    done.set(spec.id, response);
    return response;
  };

  return requests.map((spec) => {
    const response = execute(spec);
    const item: BatchResponseItem = { id: spec.id, status: response.status, headers: response.headers };
    if (response.body !== undefined) item.body = response.body;
    return item;
  });
}
