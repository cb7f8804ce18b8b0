/**
 * Child process of `npm run bench -- sweep`: the sandbox tenant with a
 * generated population of argv[2] people, 100 ms per round trip and Graph's
 * reports quota on; prints its URL, serves until stdin closes. Kept out of
 * the sweep's process so the sweep's peak RSS is its own.
 */
import { startSandbox } from '../sandbox';

async function main(): Promise<void> {
  const size = Number(process.argv[2]);
  const sandbox = await startSandbox({ faults: { latencyMs: Number(process.argv[3] ?? 100) }, population: { size, seed: 14 } });
  process.stdout.write(`${sandbox.url}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void sandbox.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`sandbox failed: ${(error as Error).message}\n`);
  process.exit(1);
});
