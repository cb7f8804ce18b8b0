/** Joins gathering and aggregation for the registration report; the CLI, the bot and the digest schedule call it. */
import { registrationReport } from './aggregate';
import type { RegistrationEvent, RegistrationReport, ReportUsage, ReportWindow } from './types';
import { previousWindow, reportWindow } from './window';

/** Graph: the raw events, aggregated here. */
export interface RegistrationEventsSource {
  registrationEvents(window: ReportWindow): Promise<{ events: RegistrationEvent[]; usage: ReportUsage }>;
}

/** Log Analytics: the workspace aggregates; the source returns the finished document. */
export interface AggregatedReportSource {
  registrationReport(window: ReportWindow, previous: ReportWindow, generatedAt: string): Promise<RegistrationReport>;
}

export type ReportSource = { kind: 'events'; source: RegistrationEventsSource } | { kind: 'aggregated'; source: AggregatedReportSource };

export class RegistrationReportService {
  constructor(
    private readonly source: ReportSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async report(days: number): Promise<RegistrationReport> {
    const now = this.clock();
    const window = reportWindow(now, days);
    const previous = previousWindow(window);
    if (this.source.kind === 'aggregated') return this.source.source.registrationReport(window, previous, now.toISOString());
    // One read covers both windows: they are adjacent.
    const { events, usage } = await this.source.source.registrationEvents({ from: previous.from, to: window.to });
    return registrationReport({ window, previousWindow: previous, events, usage, generatedAt: now.toISOString() });
  }
}
