/**
 * Who owns a fix, in one place: the layer owners of the verdict, the teams an
 * escalation can be routed to, and how a sentence names each.
 */
import type { Owner } from './verdictTypes';

/** The teams `route identity|endpoint here` registers a channel for. */
export type RouteOwner = 'identity' | 'endpoint';

export const ROUTE_OWNERS: readonly RouteOwner[] = ['identity', 'endpoint'];

/** How a sentence names each owner, in lower case (cards capitalise it at the start of a line). */
export const OWNER_LABELS: Record<Owner, string> = {
  'identity-team': 'identity team',
  'user-session': "the user's sign-in session",
  endpoint: 'endpoint team',
};

/** Each route serves the layer owner of the same name. */
const LAYER_OWNER_OF_ROUTE: Record<RouteOwner, Owner> = { identity: 'identity-team', endpoint: 'endpoint' };

export const routeOwnerLabel = (owner: RouteOwner): string => OWNER_LABELS[LAYER_OWNER_OF_ROUTE[owner]];
