/**
 * Matches a request to a handler by method and path segments. Literal
 * segments match case-insensitively and parameters are percent-decoded, as
 * Graph does; what matches nothing gets Graph's own 400 or 405.
 */
import { GraphError, methodNotAllowed, segmentNotFound } from './graphErrors';
import type { GraphRequest, GraphResponse, RequestContext } from './exchange';

export type RouteParams = Record<string, string>;
export type Handler = (req: GraphRequest, params: RouteParams, ctx: RequestContext) => GraphResponse;

export interface Route {
  method: string;
  /** e.g. `/users/{user}/authentication/methods`. */
  path: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  segments: { literal?: string; param?: string }[];
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GraphError(400, 'BadRequest', `The request URI is not valid: '${segment}'.`);
  }
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((route) => ({
      ...route,
      segments: route.path
        .split('/')
        .filter((segment) => segment !== '')
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment)?.[1];
          return param === undefined ? { literal: segment.toLowerCase() } : { param };
        }),
    }));
  }

  handle(req: GraphRequest, ctx: RequestContext): GraphResponse {
    const segments = req.rawPath.split('/').filter((segment) => segment !== '').map(decodeSegment);
    let deepestMatch = 0;
    let pathMatched = false;
    for (const route of this.routes) {
      const matched = this.matchedLength(route, segments);
      deepestMatch = Math.max(deepestMatch, matched);
      if (matched !== segments.length || route.segments.length !== segments.length) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      const params: RouteParams = {};
      route.segments.forEach((segment, index) => {
        if (segment.param !== undefined) params[segment.param] = segments[index] ?? '';
      });
      return route.handler(req, params, ctx);
    }
    if (pathMatched) throw methodNotAllowed();
    throw segmentNotFound(segments[Math.min(deepestMatch, segments.length - 1)] ?? '');
  }

  private matchedLength(route: CompiledRoute, segments: string[]): number {
    let index = 0;
    while (index < segments.length && index < route.segments.length) {
      const expected = route.segments[index];
      const actual = segments[index] ?? '';
      if (expected?.literal !== undefined && expected.literal !== actual.toLowerCase()) break;
      index += 1;
    }
    return index;
  }
}
