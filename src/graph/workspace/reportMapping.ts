/**
 * The workspace's answer to registrationReportKql → the §9 document. The
 * counting was done in Azure Monitor; here rows are sorted into the report's
 * parts, reasons get their cause (the same table the Graph path uses),
 * AAGUIDs their catalogue name, and days without attempts a zero row.
 * A partial answer is refused, never shown as the whole week.
 */
import type { LogsQueryResult, LogsTable } from '@azure/monitor-query-logs';
import { PasskeyDoctorError } from '../../errors/catalog';
import { authenticatorNameOf, byAttemptsThenName, byFailuresThenReason, mostFailuresFirst } from '../../tenant/report/order';
import { causeOf } from '../../tenant/report/reasons';
import type { RegistrationReport, ReportUsage, ReportWindow } from '../../tenant/report/types';
import { daysOf } from '../../tenant/report/window';

type Cell = LogsTable['rows'][number][number] | null | undefined;
type Row = Record<string, Cell>;

const count = (cell: Cell): number => (typeof cell === 'number' ? cell : Number(cell ?? 0)) || 0;
const text = (cell: Cell): string | null => (cell === null || cell === undefined || cell === '' ? null : String(cell));
const instant = (cell: Cell): string => new Date(cell instanceof Date ? cell.getTime() : Date.parse(String(cell))).toISOString();

function rowsOf(table: LogsTable): Row[] {
  const names = table.columnDescriptors.map((c) => c.name ?? '');
  return table.rows.map((cells) => Object.fromEntries(names.map((name, i) => [name, cells[i]])));
}

export interface MappingInput {
  window: ReportWindow;
  previous: ReportWindow;
  usage: ReportUsage;
  generatedAt: string;
}

export function reportFromWorkspace(result: LogsQueryResult, input: MappingInput): RegistrationReport {
  if (result.status !== 'Success') {
    throw new PasskeyDoctorError('WORKSPACE_FAILED', 'partial', { reason: result.partialError?.code ?? 'partial failure' });
  }
  const rows = result.tables.flatMap(rowsOf);
  const of = (part: string) => rows.filter((r) => r.part === part);
  const totals = of('totals')[0];
  const previous = of('previous')[0];
  const failures = count(totals?.failures);
  const successes = count(totals?.successes);
  const days = new Map(daysOf(input.window).map((date) => [date, { date, failures: 0, successes: 0 }]));
  for (const r of of('day')) {
    const day = days.get(String(r.key));
    if (day) Object.assign(day, { failures: count(r.failures), successes: count(r.successes) });
  }
  return {
    schemaVersion: 1,
    kind: 'registration-report',
    from: input.window.from,
    to: input.window.to,
    source: 'log-analytics',
    totals: { attempts: failures + successes, failures, successes, users: count(totals?.users) },
    byReason: of('reason')
      .map((r) => {
        const reason = text(r.key) ?? 'no reason given';
        return { reason, ...causeOf(reason === 'no reason given' ? null : reason), failures: count(r.failures), users: count(r.users) };
      })
      .sort(byFailuresThenReason),
    byAuthenticator: of('authenticator')
      .map((r) => {
        const aaguid = text(r.key)?.toLowerCase() ?? null;
        return { aaguid, name: authenticatorNameOf(aaguid), failures: count(r.failures), successes: count(r.successes) };
      })
      .sort(byAttemptsThenName),
    byDay: [...days.values()],
    outreach: of('outreach')
      .map((r) => ({
        userPrincipalName: String(r.key),
        failures: count(r.failures),
        lastFailure: instant(r.lastFailure),
        lastReason: text(r.lastReason),
      }))
      .sort(mostFailuresFirst),
    previous: { failures: count(previous?.failures), successes: count(previous?.successes) },
    graph: input.usage,
    generatedAt: input.generatedAt,
  };
}
