/** The request and response shapes every handler sees, for top-level and inner batch requests alike. */
import type { TenantState } from './tenantState';

export type GraphVersion = 'v1.0' | 'beta';
export type Licence = 'P1' | 'free';

export interface GraphRequest {
  /** Upper-case HTTP method. */
  method: string;
  version: GraphVersion;
  /** Path after the version segment, before `?`, exactly as sent (still percent-encoded). */
  rawPath: string;
  /** Raw query string without `?`. */
  rawQuery: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there is none. */
  body: unknown;
  inner: boolean;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface RequestContext {
  tenant: TenantState;
  /** One clock reading per round trip: a batch sees one `now`. */
  now: Date;
  /** e.g. `http://127.0.0.1:43121/beta`. */
  serviceRoot: string;
  version: GraphVersion;
  licence: Licence;
}

const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function ok(body: unknown, status = 200): GraphResponse {
  return {
    status,
    headers: { 'Cache-Control': 'no-cache', 'OData-Version': '4.0', 'Content-Type': ODATA_JSON },
    body,
  };
}

export function noContent(): GraphResponse {
  return { status: 204, headers: { 'Cache-Control': 'no-cache' } };
}

export function metadataUrl(ctx: RequestContext, fragment: string): string {
  return `${ctx.serviceRoot}/$metadata#${fragment}`;
}
