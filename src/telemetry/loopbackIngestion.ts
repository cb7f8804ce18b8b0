/**
 * A fake Application Insights ingestion endpoint on loopback, for the
 * benchmark and the tests: the exporter insists on https, so its HTTP client
 * is replaced by one that sends the same request to a plain-HTTP server on
 * 127.0.0.1, which keeps every payload (decompressed) and accepts it.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';

export interface LoopbackIngestion {
  connectionString: string;
  httpClient: HttpClient;
  /** Every body received, as text. */
  received: string[];
  close(): Promise<void>;
}

export async function startLoopbackIngestion(): Promise<LoopbackIngestion> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      received.push(text);
      const items = text.trim().startsWith('[') ? (JSON.parse(text) as unknown[]).length : 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: items, itemsAccepted: items, errors: [] }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const url = new URL(request.url);
      const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? Buffer.from(request.body) : undefined;
      const answer = await fetch(`${origin}${url.pathname}${url.search}`, { method: request.method, headers: request.headers.toJSON(), body });
      const headers = createHttpHeaders();
      answer.headers.forEach((value, key) => headers.set(key, value));
      return { request, status: answer.status, headers, bodyAsText: await answer.text() };
    },
  };
  return {
    connectionString: 'InstrumentationKey=11111111-2222-4333-8444-555555555555;IngestionEndpoint=https://ingestion.invalid/',
    httpClient,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
