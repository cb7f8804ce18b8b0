/**
 * Start-up wiring shared by the CLI and the bot: configuration → Graph client
 * → gateway → diagnosis service. The only product code that knows the
 * sandbox exists, because with no tenant configured it starts it (docs/contracts.md §1).
 */
import type { AppConfig } from '../config/schema';
import { DiagnosisService } from '../diagnosis/service';
import { createGraphClient, credentialFor } from '../graph/client';
import { createLogsQueryClient, WorkspaceReports } from '../graph/workspace/workspaceReports';
import { GraphGateway } from '../graph/gateway';
import type { RetryPolicy } from '../graph/retryPolicy';
import { PolicyCheckService } from '../tenant/policyCheck/service';
import { RegistrationReportService, type ReportSource } from '../tenant/report/service';
import { SweepService } from '../tenant/sweep/service';
import { faultPlanFromEnv, populationFromEnv, SANDBOX_TENANT, startSandbox, type SandboxServer } from '../sandbox';

export interface Runtime {
  config: AppConfig;
  graphBaseUrl: string;
  gateway: GraphGateway;
  service: DiagnosisService;
  policyCheck: PolicyCheckService;
  sweep: SweepService;
  /** The registration report (docs/contracts.md §9). */
  report: RegistrationReportService;
  /** The built-in demo tenant, when no tenant is configured. */
  sandbox: SandboxServer | null;
  close(): Promise<void>;
}

export async function createRuntime(config: AppConfig, options: { env?: NodeJS.ProcessEnv; retry?: RetryPolicy } = {}): Promise<Runtime> {
  const env = options.env ?? process.env;
  const sandbox =
    config.graph.mode === 'sandbox'
      ? await startSandbox({ faults: faultPlanFromEnv(env), licence: env.SANDBOX_LICENCE === 'free' ? 'free' : 'P1', registrationHistory: true, population: populationFromEnv(env) })
      : null;
  const graphBaseUrl = sandbox ? sandbox.url : config.graph.baseUrl!;
  // One credential (and token cache) for Graph and the Log Analytics workspace.
  const credential = config.graph.mode === 'tenant' ? credentialFor(config.graph, env) : undefined;
  const client = createGraphClient(config.graph, graphBaseUrl, credential);
  const gateway = new GraphGateway(client, new URL(graphBaseUrl).host, {
    policyCacheSeconds: config.policyCacheSeconds,
    signInLookbackDays: config.signInLookbackDays,
    reportsQuota: config.reportsQuota,
    retry: options.retry,
  });
  // Large tenants: the report runs as KQL in the workspace that receives the audit logs (docs/contracts.md §9).
  const reportSource: ReportSource = config.logAnalyticsWorkspaceId
    ? {
        kind: 'aggregated',
        source: new WorkspaceReports(
          createLogsQueryClient(credential ?? credentialFor(config.graph, env), config.graph.cloud),
          config.logAnalyticsWorkspaceId,
        ),
      }
    : { kind: 'events', source: gateway };
  const service = new DiagnosisService(gateway, {
    mfaFreshnessMinutes: config.mfaFreshnessMinutes,
    signInLookbackDays: config.signInLookbackDays,
  });
  return {
    config,
    graphBaseUrl,
    gateway,
    service,
    policyCheck: new PolicyCheckService(
      gateway,
      sandbox
        ? { id: SANDBOX_TENANT.id, displayName: SANDBOX_TENANT.displayName }
        : { id: config.graph.credential?.tenantId ?? null, displayName: null },
    ),
    report: new RegistrationReportService(reportSource),
    sweep: new SweepService(() => gateway.sweepReads()),
    sandbox,
    close: async () => {
      await sandbox?.close();
    },
  };
}
