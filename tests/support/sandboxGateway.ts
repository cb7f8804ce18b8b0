/** A real Graph client and gateway pointed at a sandbox tenant started for the test. */
import { loadConfig } from '../../src/config/schema';
import { DiagnosisService } from '../../src/diagnosis/service';
import { parseDiagnoseRequest, type RawDeviceOptions } from '../../src/input/request';
import type { RetryPolicy } from '../../src/graph/retryPolicy';
import { createGraphClient } from '../../src/graph/client';
import { GraphGateway } from '../../src/graph/gateway';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../../src/sandbox';

export interface SandboxGateway {
  sandbox: SandboxServer;
  gateway: GraphGateway;
  service: DiagnosisService;
  /** Waits the retry policy asked for, in ms (nothing actually sleeps long). */
  waits: number[];
  /** Retry-After holds the reports scheduler was told of, in ms. */
  holds: number[];
  diagnose(upn: string, device?: RawDeviceOptions): ReturnType<DiagnosisService['diagnose']>;
  close(): Promise<void>;
}

export async function sandboxGateway(options: SandboxOptions = {}): Promise<SandboxGateway> {
  const sandbox = await startSandbox(options);
  const config = loadConfig({ GRAPH_BASE_URL: sandbox.url });
  const waits: number[] = [];
  const retry: RetryPolicy = {
    backoffMs: [500, 1000, 2000],
    maxThrottleRetries: 3,
    maxRetryAfterMs: 60_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
  const gateway = new GraphGateway(createGraphClient(config.graph, sandbox.url), new URL(sandbox.url).host, {
    policyCacheSeconds: 300,
    signInLookbackDays: 7,
    retry,
  });
  const service = new DiagnosisService(gateway, { mfaFreshnessMinutes: 5, signInLookbackDays: 7 });
  const holds: number[] = [];
  const throttled = gateway.reports.throttled.bind(gateway.reports);
  gateway.reports.throttled = (ms) => {
    holds.push(ms);
    throttled(ms);
  };
  return {
    sandbox,
    gateway,
    service,
    waits,
    holds,
    diagnose: (upn, device) => service.diagnose(parseDiagnoseRequest(upn, device)),
    close: () => sandbox.close(),
  };
}
