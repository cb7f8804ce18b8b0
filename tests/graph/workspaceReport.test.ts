import type { LogsQueryResult, LogsTable } from '@azure/monitor-query-logs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportFromWorkspace } from '../../src/graph/workspace/reportMapping';
import { kqlString, registrationReportKql } from '../../src/graph/workspace/reportQuery';
import { WorkspaceReports, type WorkspaceQuery } from '../../src/graph/workspace/workspaceReports';
import { REGISTRATION_ACTIVITIES } from '../../src/tenant/report/activities';
import { registrationReport } from '../../src/tenant/report/aggregate';
import { previousWindow } from '../../src/tenant/report/window';
import { EVENTS, now, usage, window } from '../tenant/report/fixtures';

const WORKSPACE = '6b1f5c2e-2f2a-4d8e-9f55-0c1d2e3f4a5b';
const previous = previousWindow(window);

interface WireTable {
  name: string;
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
}

/** What LogsQueryClient makes of the wire answer: columns → columnDescriptors, datetime cells → Date. */
function asLogsQueryResult(wire: { tables: WireTable[] }): LogsQueryResult {
  const tables: LogsTable[] = wire.tables.map((t) => ({
    name: t.name,
    columnDescriptors: t.columns.map((c) => ({ name: c.name, type: c.type as 'string' })),
    rows: t.rows.map((row) => row.map((cell, i) => (t.columns[i].type === 'datetime' && typeof cell === 'string' ? new Date(cell) : cell))) as LogsTable['rows'],
  }));
  return { status: 'Success', tables } as LogsQueryResult;
}

const recorded = () => asLogsQueryResult(JSON.parse(readFileSync(join(__dirname, 'fixtures/workspace-registration-report.json'), 'utf8')));

describe('the report as one KQL query', () => {
  const kql = registrationReportKql(window, previous);

  it('reads AuditLogs over both windows and names every registration activity', () => {
    expect(kql).toMatch(/^let windowStart = datetime\(2026-11-29T00:00:00\.000Z\);/);
    expect(kql).toContain('let windowEnd = datetime(2026-12-02T00:00:00.000Z);');
    expect(kql).toContain('let previousStart = datetime(2026-11-26T00:00:00.000Z);');
    expect(kql).toContain('AuditLogs\n| where TimeGenerated >= previousStart and TimeGenerated < windowEnd');
    for (const { activity } of REGISTRATION_ACTIVITIES) expect(kql).toContain(kqlString(activity));
  });

  it('is one statement whose result is one table of the report\'s parts, counted in Azure Monitor', () => {
    const statements = kql.split(';\n').map((s) => s.trimStart());
    expect(statements.filter((s) => !s.startsWith('let'))).toHaveLength(1);
    expect(statements[statements.length - 1]).toMatch(/^union\n/);
    for (const kind of ['totals', 'previous', 'reason', 'authenticator', 'day', 'outreach']) expect(kql).toContain(`part = "${kind}"`);
    expect(kql.trimEnd().endsWith('| project part, key, failures, successes, users, lastFailure, lastReason')).toBe(true);
    expect(kql).toContain('where failures >= 3');
    // Exact distinct users, not dcount's estimate.
    expect(kql).not.toMatch(/\bdcount/);
  });

  it('escapes string literals so an activity name cannot end the literal', () => {
    expect(kqlString('a "quoted" \\ name')).toBe('"a \\"quoted\\" \\\\ name"');
  });
});

describe('mapping the workspace answer', () => {
  const input = { window, previous, usage: { requests: 1, roundTrips: 1, ms: 80 }, generatedAt: now.toISOString() };

  it('gives the same document as the Graph path over the same events (source aside)', () => {
    const fromWorkspace = reportFromWorkspace(recorded(), input);
    const fromGraph = registrationReport({ window, previousWindow: previous, events: EVENTS, usage, generatedAt: now.toISOString() });
    const { failedAttempts: _rows, graph: _g, source, ...graphParts } = fromGraph;
    const { graph: _g2, source: workspaceSource, ...workspaceParts } = fromWorkspace;
    expect(source).toBe('graph');
    expect(workspaceSource).toBe('log-analytics');
    expect(workspaceParts).toEqual({ ...graphParts, outreach: graphParts.outreach.map((o) => ({ ...o, lastFailure: '2026-12-01T07:00:00.000Z' })) });
  });

  it('fills days the workspace had no rows for with zeros, in order', () => {
    const sparse = recorded();
    if (sparse.status !== 'Success') throw new Error('fixture');
    sparse.tables[0].rows = sparse.tables[0].rows.filter((r) => !(r[0] === 'day' && r[1] === '2026-11-30'));
    const report = reportFromWorkspace(sparse, input);
    expect(report.byDay).toEqual([
      { date: '2026-11-29', failures: 1, successes: 1 },
      { date: '2026-11-30', failures: 0, successes: 0 },
      { date: '2026-12-01', failures: 1, successes: 1 },
    ]);
  });

  it('answers an empty workspace with an all-zero report', () => {
    const empty = asLogsQueryResult({ tables: [{ name: 'PrimaryResult', columns: [{ name: 'part', type: 'string' }], rows: [] }] });
    const report = reportFromWorkspace(empty, input);
    expect(report.totals).toEqual({ attempts: 0, failures: 0, successes: 0, users: 0 });
    expect(report.byDay).toHaveLength(3);
  });

  it('refuses a partial answer rather than passing it off as the whole window', () => {
    const partial = { status: 'PartialFailure', partialTables: [], partialError: { code: 'PartialError', message: 'query exceeded limits' } } as unknown as LogsQueryResult;
    expect(() => reportFromWorkspace(partial, input)).toThrow(expect.objectContaining({ code: 'WORKSPACE_FAILED', exitCode: 3 }));
  });
});

describe('WorkspaceReports', () => {
  it('sends the one query with the window as its timespan and the workspace id', async () => {
    const calls: unknown[][] = [];
    const client: WorkspaceQuery = { queryWorkspace: async (...args: unknown[]) => (calls.push(args), recorded()) } as unknown as WorkspaceQuery;
    const report = await new WorkspaceReports(client, WORKSPACE).registrationReport(window, previous, now.toISOString());
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toBe(WORKSPACE);
    expect(calls[0][1]).toBe(registrationReportKql(window, previous));
    expect(calls[0][2]).toEqual({ startTime: new Date(previous.from), endTime: new Date(window.to) });
    expect(report.source).toBe('log-analytics');
    expect(report.graph.requests).toBe(1);
  });

  it.each([
    [{ statusCode: 403, code: 'InsufficientAccessError' }, /Log Analytics Reader role/],
    [{ statusCode: 404, code: 'WorkspaceNotFoundError' }, /check LOG_ANALYTICS_WORKSPACE_ID/],
    [{ statusCode: 400, code: 'SemanticError', message: "'where' operator: Failed to resolve table expression named 'AuditLogs'" }, /diagnostic setting/],
  ])('turns a refused query (%j) into one sentence with the way forward', async (failure, message) => {
    const client = { queryWorkspace: async () => Promise.reject(Object.assign(new Error(String((failure as { message?: string }).message ?? 'x')), failure)) } as unknown as WorkspaceQuery;
    const error = await new WorkspaceReports(client, WORKSPACE).registrationReport(window, previous, 'x').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WORKSPACE_FAILED', exitCode: 3 });
    expect((error as Error).message).toMatch(message);
  });
});

describe('the AAGUID pattern the query uses', () => {
  it('finds the AAGUID in a serialised AdditionalDetails array, only under a key naming it', () => {
    const kql = registrationReportKql(window, previous);
    const literal = /extract\(("(?:[^"\\]|\\.)*"), 1, tostring\(AdditionalDetails\)\)/.exec(kql)![1];
    const pattern = JSON.parse(literal).replace('(?i)', '');
    const re = new RegExp(pattern, 'i');
    const serialised = (details: Array<{ key: string; value: string }>) => JSON.stringify(details);
    expect(re.exec(serialised([{ key: 'Method', value: 'Passkey' }, { key: 'AAGuid', value: 'CB69481E-8FF7-4039-93EC-0A2729A154A8' }]))?.[1]).toBe('CB69481E-8FF7-4039-93EC-0A2729A154A8');
    expect(re.exec(serialised([{ key: 'DeviceId', value: '11111111-2222-3333-4444-555555555555' }]))).toBeNull();
    expect(re.exec(serialised([]))).toBeNull();
  });
});
