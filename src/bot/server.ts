/**
 * The HTTP front: `POST /api/messages` for the Bot Framework and
 * `GET /healthz` for App Service. An anonymous bot (no BOT_ID) accepts
 * unauthenticated activities, so it binds to loopback only.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { SweepRunner } from './sweepRunner';
import { ActivityTypes, DeliveryModes, type TurnContext } from 'botbuilder';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { PasskeyDoctorError } from '../errors/catalog';
import { logger } from '../logger';
import { RecentDeliveries } from './deliveries';
import { BODY_LIMIT, jsonErrors, notFound } from './httpErrors';
import { inTurnSpan } from './turnSpan';

/**
 * A message's replies travel through the Bot Connector, never in the HTTP
 * answer, so Teams gets its 200 as soon as the request is authenticated and
 * the turn goes on without it: Teams waits at most about 15 s and may send
 * the message again (facts-2026). Invokes (card clicks) answer in the HTTP
 * body and keep the whole turn; so does `expectReplies`.
 */
const answersEarly = (body: unknown): boolean => {
  const activity = body as { type?: unknown; deliveryMode?: unknown } | null;
  return activity?.type === ActivityTypes.Message && activity.deliveryMode !== DeliveryModes.ExpectReplies;
};

/** The adapter writes its (late) status through this once Teams has had its answer: nothing more goes out. */
function afterEarlyAnswer(res: express.Response) {
  const shim = {
    status: (code: number) => {
      if (!res.headersSent) res.status(code);
      return shim;
    },
    header: (name: string, value: string) => {
      if (!res.headersSent) res.header(name, value);
      return shim;
    },
    send: (body?: unknown) => {
      if (!res.headersSent) res.send(body);
      return shim;
    },
    end: () => {
      if (!res.writableEnded) res.end();
      return shim;
    },
  };
  return shim;
}

export function createHttpApp(
  bot: Application<TurnState>,
  adapter: TeamsAdapter,
  readiness?: express.RequestHandler,
  deliveries = new RecentDeliveries(),
  sweeps?: Pick<SweepRunner, 'csv'>,
): express.Express {
  const http = express();
  http.disable('x-powered-by');
  http.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (readiness) http.get('/readyz', readiness);
  http.post('/api/messages', express.json({ limit: BODY_LIMIT }), async (req, res) => {
    const run = (ctx: TurnContext) =>
      inTurnSpan(ctx, async () => {
        await bot.run(ctx);
      });
    if (!answersEarly(req.body)) {
      await adapter.process(req, res, async (ctx: TurnContext) => {
        await run(ctx);
      });
      return;
    }
    // The logic runs only once the request is authenticated; a refused one still gets its 401 from the adapter.
    await adapter.process(req, afterEarlyAnswer(res) as unknown as express.Response, async (ctx: TurnContext) => {
      res.status(200).end();
      if (!deliveries.firstTime(ctx.activity.conversation?.id ?? '', ctx.activity.id)) {
        logger.info('bot message delivered again; already handled', { activityId: ctx.activity.id });
        return;
      }
      await run(ctx);
    });
  });
  if (sweeps) http.get('/sweeps/:file', sweepCsvHandler(sweeps));
  http.use(notFound);
  http.use(jsonErrors);
  return http;
}

/** A sweep's members CSV behind its unguessable, expiring link (README "Before a rollout"); 404 once expired. */
export function sweepCsvHandler(sweeps: Pick<SweepRunner, 'csv'>): express.RequestHandler {
  return async (req, res) => {
    const token = String(req.params.file ?? '').replace(/\.csv$/, '');
    const chunks = await sweeps.csv(token);
    if (!chunks) {
      res.status(404).type('text/plain').send('This sweep download has expired or does not exist; run the sweep again in Teams.\n');
      return;
    }
    res.status(200).set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="passkey-sweep.csv"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    for await (const chunk of chunks) res.write(chunk);
    res.end();
  };
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
      throw new PasskeyDoctorError('CONFIG_INVALID', 'portInUse', { port, nextPort: port + 1 }, { details: { variable: 'PORT' } });
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
