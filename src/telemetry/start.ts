/**
 * Telemetry on or off, decided once at start-up: with
 * APPLICATIONINSIGHTS_CONNECTION_STRING set, the Azure Monitor OpenTelemetry
 * distro exports Passkey Doctor's own spans and metrics to Application
 * Insights; without it nothing is registered and every instrument is a no-op.
 *
 * The distro's automatic instrumentations are off: the HTTP one would record
 * Graph URLs, which carry UPNs, and our own spans say what matters. SDK
 * self-statistics ("statsbeat", sent to Microsoft rather than to the
 * customer's resource) are off unless the operator turns them on.
 */
import type { HttpClient } from '@azure/core-rest-pipeline';
import { logger } from '../logger';
import { resetInstruments } from './instruments';

export interface Telemetry {
  enabled: boolean;
  /** Flushes and stops the exporter. */
  shutdown(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, shutdown: async () => undefined };

export interface TelemetryOptions {
  /** Replaces the exporter's HTTP client (the benchmark's loopback ingestion endpoint). */
  httpClient?: HttpClient;
}

export async function startTelemetry(env: NodeJS.ProcessEnv = process.env, options: TelemetryOptions = {}): Promise<Telemetry> {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
  if (!connectionString) return OFF;
  // The exporter reads these from the process environment; the legacy name is the one that stops statsbeat entirely.
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT ??= 'true';
  process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED ??= 'true';
  process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED ??= 'true';
  // Loaded only when wanted: the distro and its SDK cost start-up time and memory.
  const { useAzureMonitor, shutdownAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, ...(options.httpClient ? { httpClient: options.httpClient } : {}) },
    // A help-desk bot's volume is small: every turn is traced rather than rate-limited (the distro's default drops bursts).
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    enableStandardMetrics: false,
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  resetInstruments();
  logger.info('telemetry exporting to Application Insights');
  return { enabled: true, shutdown: () => shutdownAzureMonitor() };
}
