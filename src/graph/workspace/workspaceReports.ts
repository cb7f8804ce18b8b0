/**
 * The registration report from a Log Analytics workspace (LOG_ANALYTICS_WORKSPACE_ID):
 * one KQL query through @azure/monitor-query-logs' LogsQueryClient, with the
 * same credential Graph uses. The app (or managed identity) needs the
 * "Log Analytics Reader" role on the workspace.
 */
import type { TokenCredential } from '@azure/identity';
import { LogsQueryClient, type LogsQueryResult } from '@azure/monitor-query-logs';
import { PasskeyDoctorError } from '../../errors/catalog';
import type { AggregatedReportSource } from '../../tenant/report/service';
import type { RegistrationReport, ReportWindow } from '../../tenant/report/types';
import { reportFromWorkspace } from './reportMapping';
import { registrationReportKql } from './reportQuery';

/** What the report uses of LogsQueryClient (tests give a recorded one). */
export type WorkspaceQuery = Pick<LogsQueryClient, 'queryWorkspace'>;

/** Azure Monitor's query endpoint per cloud (KnownMonitorLogsQueryAudience). */
export const LOG_ANALYTICS_ENDPOINTS = {
  AzurePublicCloud: 'https://api.loganalytics.io',
  AzureUSGovernment: 'https://api.loganalytics.us',
  AzureUSGovernmentDoD: 'https://api.loganalytics.us',
  AzureChinaCloud: 'https://api.loganalytics.azure.cn',
} as const;

/** Long windows over big tenants take a while; Azure Monitor allows up to 10 minutes. */
const SERVER_TIMEOUT_SECONDS = 180;

export function createLogsQueryClient(credential: TokenCredential, cloud: keyof typeof LOG_ANALYTICS_ENDPOINTS): WorkspaceQuery {
  const host = LOG_ANALYTICS_ENDPOINTS[cloud];
  // 1.0.0 ignores `audience` and, given an endpoint, adds no API version: both are spelled out.
  return new LogsQueryClient(credential, { endpoint: `${host}/v1`, credentials: { scopes: [`${host}/.default`] } });
}

function workspaceError(error: unknown, workspaceId: string): PasskeyDoctorError {
  const status = (error as { statusCode?: number }).statusCode;
  const code = (error as { code?: string }).code;
  if (status === 401 || status === 403) {
    return new PasskeyDoctorError('WORKSPACE_FAILED', 'refused', { answer: code ? `${status} ${code}` : status, workspaceId });
  }
  if (status === 404 || code === 'PathNotFoundError' || code === 'WorkspaceNotFoundError') {
    return new PasskeyDoctorError('WORKSPACE_FAILED', 'noWorkspace', { workspaceId });
  }
  if (/AuditLogs/.test(String((error as Error).message))) {
    return new PasskeyDoctorError('WORKSPACE_FAILED', 'noAuditLogs', { workspaceId });
  }
  return new PasskeyDoctorError('WORKSPACE_FAILED', 'failed', { answer: `${status ? ` (${status})` : ''}${code ? ` (${code})` : ''}` });
}

export class WorkspaceReports implements AggregatedReportSource {
  constructor(
    private readonly client: WorkspaceQuery,
    private readonly workspaceId: string,
  ) {}

  async registrationReport(window: ReportWindow, previous: ReportWindow, generatedAt: string): Promise<RegistrationReport> {
    const started = performance.now();
    let result: LogsQueryResult;
    try {
      result = await this.client.queryWorkspace(
        this.workspaceId,
        registrationReportKql(window, previous),
        { startTime: new Date(previous.from), endTime: new Date(window.to) },
        { serverTimeoutInSeconds: SERVER_TIMEOUT_SECONDS },
      );
    } catch (error) {
      throw workspaceError(error, this.workspaceId);
    }
    const usage = { requests: 1, roundTrips: 1, ms: Math.round(performance.now() - started) };
    return reportFromWorkspace(result, { window, previous, generatedAt, usage });
  }
}
