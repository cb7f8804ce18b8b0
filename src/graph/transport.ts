/**
 * One HTTP request to Graph through the Graph client, counted, answered as
 * status + headers + body whatever the status. Only transport failures throw.
 */
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { errorMessage, PasskeyDoctorError } from '../errors/catalog';
import { graphRoute, inSpan, recordGraphCall } from '../telemetry/instruments';

export type GraphVersion = 'v1.0' | 'beta';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What one diagnosis (or action) cost: docs/contracts.md §5 counting rules. */
export class UsageMeter {
  requests = 0;
  roundTrips = 0;
  private readonly started = performance.now();

  get elapsedMs(): number {
    return Math.round(performance.now() - this.started);
  }

  usage(): { requests: number; roundTrips: number; ms: number } {
    return { requests: this.requests, roundTrips: this.roundTrips, ms: this.elapsedMs };
  }
}

const TOKEN_ERRORS = new Set(['AuthenticationError', 'CredentialUnavailableError', 'AggregateAuthenticationError', 'AuthenticationRequiredError']);
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Thrown when no HTTP response came back (connection refused, DNS, timeout).
 * Reads and writes take it as status 0; where it surfaces it says the
 * catalogue's GRAPH_UNREACHABLE sentence.
 */
export class TransportError extends Error {
  constructor(
    readonly host: string,
    options?: { cause?: unknown },
  ) {
    super(errorMessage('GRAPH_UNREACHABLE', 'host', { host }), options);
    this.name = 'TransportError';
  }
}

export class GraphTransport {
  constructor(
    private readonly client: Client,
    /** For messages only: which host we talk to. */
    readonly host: string,
  ) {}

  /** One round trip, in a telemetry span and counted in the Graph metrics (route without ids, status, time). */
  async send(
    method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
    version: GraphVersion,
    path: string,
    meter: UsageMeter,
    options: { body?: unknown; innerRequests?: number } = {},
  ): Promise<RawResponse> {
    const route = graphRoute(path);
    return inSpan(`graph ${method} ${route}`, { 'http.request.method': method, 'graph.route': route, 'graph.version': version, 'graph.inner_requests': options.innerRequests ?? 1 }, async (span) => {
      const started = performance.now();
      const response = await this.sendOnce(method, version, path, meter, options);
      span.setAttribute('http.response.status_code', response.status);
      recordGraphCall(method, route, response.status, performance.now() - started);
      return response;
    });
  }

  private async sendOnce(
    method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
    version: GraphVersion,
    path: string,
    meter: UsageMeter,
    options: { body?: unknown; innerRequests?: number },
  ): Promise<RawResponse> {
    meter.roundTrips += 1;
    meter.requests += options.innerRequests ?? 1;
    const request = this.client
      .api(path)
      .version(version)
      .responseType(ResponseType.RAW)
      .option('signal', AbortSignal.timeout(REQUEST_TIMEOUT_MS));
    let response: Response;
    try {
      response = method === 'GET' ? await request.get() : method === 'POST' ? await request.post(options.body ?? {}) : method === 'PATCH' ? await request.patch(options.body ?? {}) : await request.delete();
    } catch (error) {
      const name = (error as { code?: string; name?: string }).code ?? (error as Error).name;
      if (name && TOKEN_ERRORS.has(name)) {
        throw new PasskeyDoctorError('GRAPH_UNAUTHORISED', 'noToken', { host: this.host }, { details: { host: this.host } });
      }
      throw new TransportError(this.host, { cause: error });
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    const text = await response.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, headers, body };
  }
}
