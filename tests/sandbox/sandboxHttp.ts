/** Small HTTP helpers for the sandbox tests: real requests with Node's fetch. */
import { request } from 'node:http';
import type { SandboxServer } from '../../src/sandbox';

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(
  sandbox: SandboxServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export const get = (sandbox: SandboxServer, path: string) => call(sandbox, 'GET', path);

export interface InnerRequest {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export function jsonRequest(id: string, url: string, body: unknown): InnerRequest {
  return { id, method: 'POST', url, body, headers: { 'Content-Type': 'application/json' } };
}

export async function batch(sandbox: SandboxServer, requests: InnerRequest[], version = 'beta'): Promise<JsonResponse> {
  return call(sandbox, 'POST', `/${version}/$batch`, { requests });
}

/** The inner response with this id. */
export function inner(response: JsonResponse, id: string): { id: string; status: number; headers: Record<string, string>; body: any } {
  const found = response.body.responses.find((item: { id: string }) => item.id === id);
  if (!found) throw new Error(`No inner response '${id}'`);
  return found;
}

/** `$filter=…` with the value percent-encoded, as a Graph client sends it. */
export function filter(expression: string): string {
  return `$filter=${encodeURIComponent(expression)}`;
}

/** A GET whose request target goes on the wire exactly as given (fetch would drop a `#…` fragment itself). */
export function rawGet(sandbox: SandboxServer, target: string): Promise<JsonResponse> {
  const { hostname, port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve({ status: res.statusCode ?? 0, headers, body: text === '' ? undefined : JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
