/**
 * Azurite (the Azure Storage emulator, a dev dependency) for the Blob state
 * store tests: blob service only, in memory, on a free loopback port, with
 * the well-known development account. Always `stop()` it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';

const ACCOUNT = 'devstoreaccount1';
// The documented, public development-storage key: not a secret.
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 20_000;

export interface Azurite {
  connectionString: string;
  /** Every blob in the container with its content, for searching what was stored. */
  blobs(container: string): Promise<Array<{ name: string; content: string }>>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      answer(true);
    });
    socket.once('error', () => answer(false));
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  // In memory, Azurite still drops a debug folder in its working directory: give it a throwaway one.
  const workspace = mkdtempSync(join(tmpdir(), 'azurite-'));
  const bin = resolve(__dirname, '../../node_modules/.bin/azurite-blob');
  const child = spawn(bin, ['--inMemoryPersistence', '--blobHost', '127.0.0.1', '--blobPort', String(port), '--silent', '--disableTelemetry', '--skipApiVersionCheck'], {
    cwd: workspace,
    stdio: 'ignore',
  });
  const stop = async () => {
    await stopped(child);
    rmSync(workspace, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Azurite did not start on 127.0.0.1:${port}`);
    }
    await new Promise((wait) => setTimeout(wait, 50));
  }
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
  return {
    connectionString,
    async blobs(container) {
      const client = new ContainerClient(connectionString, container);
      const found: Array<{ name: string; content: string }> = [];
      for await (const blob of client.listBlobsFlat()) {
        found.push({ name: blob.name, content: (await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8') });
      }
      return found;
    },
    stop,
  };
}
