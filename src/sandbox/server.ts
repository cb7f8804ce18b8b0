/**
 * The sandbox tenant's HTTP server: a Microsoft Graph look-alike on loopback
 * that the real Graph client can talk to. It serves `/v1.0` and `/beta`
 * (see `graphService.ts`) and the `/_sandbox/*` switches, and owns the
 * tenant, the fault plan, the licence and the request log.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, handleControl } from './control';
import { errorResponse } from './dispatch';
import type { Licence } from './exchange';
import { FaultInjector, type FaultPlan } from './faults';
import { loadFixture, type SandboxFixture } from './fixture';
import { GraphError } from './graphErrors';
import { createGraphService, type RequestLogEntry } from './graphService';
import { lowerCaseHeaders, parseJsonBody, readBody, send } from './httpIo';
import { Router } from './router';
import { graphRoutes } from './routes';
import { registrationHistory } from './registrationHistory';
import { addPopulation } from './population';
import { buildTenantState, type TenantState } from './tenantState';

export type { RequestLogEntry } from './graphService';

export interface SandboxOptions {
  /** Defaults to the built-in Contoso tenant. */
  fixture?: SandboxFixture;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  faults?: FaultPlan;
  /** Overrides `faults.licence`. Default `P1`. */
  licence?: Licence;
  /** The server clock; relative fixture times resolve against it. */
  now?: () => Date;
  /** Adds a generated month of passkey registration attempts and their people (registrationHistory.ts). */
  registrationHistory?: boolean;
  /** A generated rollout population added at start (population.ts); none when absent. */
  population?: { size: number; seed: number };
}

export interface SandboxServer {
  /** Base URL without a version path, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** The live tenant; write requests change it and so may tests. */
  readonly tenant: TenantState;
  /** Every top-level Graph request and every inner batch request, in the order answered. */
  readonly requestLog: RequestLogEntry[];
  clearLog(): void;
  /** Replaces latency and fault rules; also sets the licence when the plan names one. */
  setFaults(plan: FaultPlan): void;
  setLicence(licence: Licence): void;
  close(): Promise<void>;
}

const NO_IDS = { requestId: '', clientRequestId: '' };

function sendError(res: ServerResponse, error: GraphError, now: Date): void {
  const response = errorResponse(error, NO_IDS, now);
  send(res, response.status, response.headers, response.body);
}

/** Starts the sandbox tenant on loopback. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  const tenant = buildTenantState(options.fixture ?? loadFixture());
  const faults = new FaultInjector(options.faults);
  const clock = options.now ?? (() => new Date());
  if (options.registrationHistory) {
    const history = registrationHistory(clock());
    tenant.users.push(...history.users);
    for (const [id, methods] of history.methods) tenant.authenticationMethods.set(id, methods);
    tenant.directoryAudits.push(...history.audits);
  }
  if (options.population) addPopulation(tenant, { ...options.population, now: clock() });
  const requestLog: RequestLogEntry[] = [];
  let licence: Licence = options.licence ?? options.faults?.licence ?? 'P1';
  let baseUrl = '';

  const controls = {
    setFaults(plan: FaultPlan): void {
      faults.set(plan);
      if (plan.licence !== undefined) licence = plan.licence;
    },
    setLicence(next: Licence): void {
      licence = next;
    },
  };

  const answerGraph = createGraphService({
    tenant,
    router: new Router(graphRoutes),
    faults,
    clock,
    licence: () => licence,
    baseUrl: () => baseUrl,
    requestLog,
  });

  const handle = async (httpReq: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (httpReq.method ?? 'GET').toUpperCase();
    // A raw '#' starts a fragment, which is never part of the resource path.
    const target = (httpReq.url ?? '/').split('#')[0] ?? '/';
    const queryStart = target.indexOf('?');
    const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
    const rawQuery = queryStart === -1 ? '' : target.slice(queryStart + 1);

    if (rawPath.toLowerCase().startsWith(CONTROL_PREFIX)) {
      try {
        send(res, handleControl(method, rawPath, parseJsonBody(await readBody(httpReq)), controls), {});
      } catch (error) {
        if (!(error instanceof GraphError)) throw error;
        sendError(res, error, clock());
      }
      return;
    }

    const { response, requestId, clientRequestId } = await answerGraph({
      method,
      rawPath,
      rawQuery,
      headers: lowerCaseHeaders(httpReq),
      readBody: () => readBody(httpReq),
    });
    const headers = { ...response.headers, 'request-id': requestId, 'client-request-id': clientRequestId };
    send(res, response.status, headers, response.body);
  };

  const server = createServer((httpReq, res) => {
    handle(httpReq, res).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      const failure = new GraphError(500, 'generalException', `General exception while processing. (${detail})`);
      if (!res.headersSent) sendError(res, failure, clock());
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    tenant,
    requestLog,
    clearLog: () => {
      requestLog.length = 0;
    },
    setFaults: controls.setFaults,
    setLicence: controls.setLicence,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
