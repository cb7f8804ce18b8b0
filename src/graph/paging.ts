/** Following Graph's `@odata.nextLink` (docs/graph-facts.md §18): the link is absolute; the client wants version + path. */
import type { BatchRequest } from './batch';
import { obj, str } from './parse/values';
import type { GraphVersion } from './transport';

/** `http://host/beta/users/x/memberOf?$skiptoken=…` → version + path the Graph client accepts; null when the link is not one. */
export function splitNextLink(link: string): { version: GraphVersion; path: string } | null {
  try {
    const url = new URL(link);
    const match = /^\/(v1\.0|beta)(\/.*)$/.exec(url.pathname);
    return match ? { version: match[1] as GraphVersion, path: match[2] + url.search } : null;
  } catch {
    return null;
  }
}

/**
 * The request for the page after `body`, as one `$batch` request with `id`
 * (keeping `base`'s method and headers), or null when `body` is the last page.
 */
export function nextPage(
  body: unknown,
  id: string,
  base: Omit<BatchRequest, 'id' | 'url'> = { method: 'GET' },
): { version: GraphVersion; request: BatchRequest } | null {
  const link = str(obj(body)['@odata.nextLink']);
  const split = link ? splitNextLink(link) : null;
  return split ? { version: split.version, request: { ...base, id, url: split.path } } : null;
}
