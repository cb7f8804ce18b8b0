/**
 * The HTTP front's one error answer. Express's default handler sends an HTML
 * page with the stack and absolute paths; with BOT_ID set, the body parser
 * runs before the Bot Framework token is checked, on a public address, so
 * anyone could read it. Callers get a status and one sentence; the details
 * go to the log under a reference.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { logger } from '../logger';

/** Bot Framework activities are a few KB; an Adaptive Card click is smaller still. */
export const BODY_LIMIT = '256kb';

const SENTENCES: Record<number, string> = {
  400: 'The request body is not valid JSON.',
  404: 'There is nothing at this address.',
  413: `The request body is larger than ${BODY_LIMIT}.`,
  415: 'The request body must be JSON.',
};

export const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const raw = (error as { status?: unknown; statusCode?: unknown }) ?? {};
  const status = Number(raw.status ?? raw.statusCode);
  const code = Number.isInteger(status) && status >= 400 && status < 600 ? status : 500;
  const reference = randomUUID().slice(0, 8);
  if (code >= 500) logger.error('http request failed', { reference, error });
  else logger.info('http request refused', { reference, status: code, type: (error as { type?: unknown })?.type });
  if (res.headersSent) return;
  res.status(code).json({ error: SENTENCES[code] ?? (code >= 500 ? 'Passkey Doctor could not handle this request.' : 'The request was refused.'), reference });
};

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: SENTENCES[404] });
};
