/** Turning one inner response into a fact: parsed when 2xx, a gap otherwise. */
import { known, missing, type Fact } from '../model/facts';
import { gapFor, type InnerResponse } from './responseErrors';

export function factFrom<T>(response: InnerResponse | undefined, request: string, parse: (body: unknown) => T): Fact<T> {
  if (!response) return missing({ code: 'GRAPH.UNAVAILABLE', reason: 'Microsoft Graph returned no answer for this request.', request });
  if (response.status >= 200 && response.status < 300) return known(parse(response.body));
  return missing(gapFor(response, request));
}
