/**
 * Errors in Microsoft Graph's wire shape. Handlers throw `GraphError`; the
 * dispatcher turns it into `{ error: { code, message, innerError } }`.
 */

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** Graph writes `innerError.date` without fraction or zone. */
function errorDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export function errorBody(error: GraphError, ids: RequestIds, now: Date): Record<string, unknown> {
  if (error.status === 429) {
    // Graph's throttling body has its own inner shape (concepts/throttling.md).
    return {
      error: {
        code: error.code,
        innerError: {
          code: '429',
          date: errorDate(now),
          message: 'Please retry after',
          'request-id': ids.requestId,
          status: '429',
        },
        message: error.message,
      },
    };
  }
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: { date: errorDate(now), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
    },
  };
}

export const resourceNotFound = (id: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** Sign-in logs and the registration report need Microsoft Entra ID P1 or P2 (docs/graph-facts.md §8, §9). */
export const premiumLicenceRequired = (): GraphError =>
  new GraphError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");

export const itemNotFound = (what: string): GraphError => new GraphError(404, 'itemNotFound', `${what} was not found.`);

export const segmentNotFound = (segment: string): GraphError =>
  new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

export const methodNotAllowed = (): GraphError =>
  new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');

export const invalidObjectId = (id: string): GraphError =>
  new GraphError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`);

export const invalidFilterClause = (): GraphError => new GraphError(400, 'BadRequest', 'Invalid filter clause');

export const invalidRequestBody = (detail: string): GraphError =>
  new GraphError(400, 'BadRequest', `Invalid request body: ${detail}`);
