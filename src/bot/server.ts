/**
 * The HTTP front: `POST /api/messages` for the Bot Framework and
 * `GET /healthz` for App Service. An anonymous bot (no BOT_ID) accepts
 * unauthenticated activities, so it binds to loopback only.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { TurnContext } from 'botbuilder';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { PasskeyDoctorError } from '../errors/catalog';
import { logger } from '../logger';
import { BODY_LIMIT, jsonErrors, notFound } from './httpErrors';
import { inTurnSpan } from './turnSpan';

export function createHttpApp(bot: Application<TurnState>, adapter: TeamsAdapter, readiness?: express.RequestHandler): express.Express {
  const http = express();
  http.disable('x-powered-by');
  http.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (readiness) http.get('/readyz', readiness);
  http.post('/api/messages', express.json({ limit: BODY_LIMIT }), async (req, res) => {
    await adapter.process(req, res, async (ctx: TurnContext) => {
      await inTurnSpan(ctx, async () => {
        await bot.run(ctx);
      });
    });
  });
  http.use(notFound);
  http.use(jsonErrors);
  return http;
}

export interface Listening {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(http: express.Express, host: string, port: number): Promise<Listening> {
  const server = http.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PasskeyDoctorError('CONFIG_INVALID', `port ${port} is in use — stop the other one or set PORT (e.g. PORT=${port + 1} npm start)`, { variable: 'PORT' });
    }
    throw error;
  }
  const actual = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  logger.info('bot listening', { url });
  return {
    server,
    url,
    port: actual,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
