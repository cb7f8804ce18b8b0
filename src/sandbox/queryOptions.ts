/** `$select`, `$top` and `$skiptoken` handling shared by the collection endpoints. */
import { GraphError } from './graphErrors';
import type { GraphRequest, RequestContext } from './exchange';

function option(req: GraphRequest, name: string): string | null {
  for (const [key, value] of req.query) {
    if (key.toLowerCase() === name) return value;
  }
  return null;
}

export function filterOption(req: GraphRequest): string | null {
  return option(req, '$filter');
}

/** Property names from `$select`, or null when absent. */
export function selectOption(req: GraphRequest): string[] | null {
  const value = option(req, '$select');
  if (value === null) return null;
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Keeps the selected properties (and `@odata.type`, which Graph always sends for derived types). */
export function project(object: Record<string, unknown>, select: string[] | null): Record<string, unknown> {
  if (select === null) return object;
  const projected: Record<string, unknown> = {};
  if (object['@odata.type'] !== undefined) projected['@odata.type'] = object['@odata.type'];
  for (const name of select) {
    const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (key !== undefined) projected[key] = object[key];
  }
  return projected;
}

export interface PageLimits {
  defaultSize: number;
  maxSize: number;
  /** How Graph words a page size outside the limits on this endpoint. */
  invalidTop: (top: string) => GraphError;
}

export const DIRECTORY_PAGE: PageLimits = {
  defaultSize: 100,
  maxSize: 999,
  invalidTop: (top) =>
    new GraphError(400, 'Request_BadRequest', `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`),
};

export const REPORTS_PAGE: PageLimits = {
  defaultSize: 1000,
  maxSize: 1000,
  invalidTop: (top) => new GraphError(400, 'BadRequest', `Invalid $top value '${top}'. It must be between 1 and 1000.`),
};

const SKIPTOKEN_PREFIX = 'sbx1:';

function encodeSkipToken(offset: number): string {
  return Buffer.from(`${SKIPTOKEN_PREFIX}${offset}`).toString('base64url');
}

function decodeSkipToken(token: string): number {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const offset = text.startsWith(SKIPTOKEN_PREFIX) ? Number(text.slice(SKIPTOKEN_PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new GraphError(400, 'BadRequest', 'The specified skip token is invalid.');
  }
  return offset;
}

/** The query string of the next page: the caller's options kept as sent, `$skiptoken` replaced. */
function nextQuery(req: GraphRequest, offset: number): string {
  const kept = req.rawQuery
    .split('&')
    .filter((pair) => pair !== '' && !/^(\$|%24)skiptoken=/i.test(pair));
  kept.push(`$skiptoken=${encodeSkipToken(offset)}`);
  return kept.join('&');
}

export interface Page<T> {
  items: T[];
  nextLink?: string;
}

/** One page of `items` with an absolute `@odata.nextLink` when more remain, as Graph pages. */
export function paginate<T>(items: T[], req: GraphRequest, ctx: RequestContext, limits: PageLimits): Page<T> {
  const topText = option(req, '$top');
  let size = limits.defaultSize;
  if (topText !== null) {
    const top = Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > limits.maxSize) throw limits.invalidTop(topText);
    size = top;
  }
  const tokenText = option(req, '$skiptoken');
  const offset = tokenText === null ? 0 : decodeSkipToken(tokenText);
  const pageItems = items.slice(offset, offset + size);
  const nextOffset = offset + size;
  if (nextOffset >= items.length) return { items: pageItems };
  return { items: pageItems, nextLink: `${ctx.serviceRoot}${req.rawPath}?${nextQuery(req, nextOffset)}` };
}

/** A Graph collection body. */
export function collection(context: string, page: Page<unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { '@odata.context': context };
  if (page.nextLink !== undefined) body['@odata.nextLink'] = page.nextLink;
  body['value'] = page.items;
  return body;
}
