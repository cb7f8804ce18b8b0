/**
 * The sweep card's view model. While running: a progress line ("4,000 of
 * 10,000 members, about 40 s left") and Cancel. When done: counts by outcome,
 * the top blocking causes as a bar chart (with a plain table for clients that
 * draw no charts), the fix for each cause, and the members' CSV link. Action
 * data carries only the sweep's id.
 */
import { causeFix } from '../tenant/sweep/words';
import type { SweepDocument, SweepProgress } from '../tenant/sweep/types';
import type { TextColor } from './labels';

export type SweepCardState =
  | { kind: 'running'; sweepId: string; groupName: string; progress: SweepProgress | null; members: number | null; startedAtMs: number; nowMs: number }
  | { kind: 'done'; sweepId: string; document: SweepDocument; csvUrl: string | null; csvExpiresAt: string | null }
  | { kind: 'stopped'; sweepId: string; groupName: string; why: string };

const TOP_CAUSES = 8;
const n0 = (n: number) => n.toLocaleString('en-GB');

/** "4,000 of 10,000 members, about 40 s left": remaining time from the rate so far. */
export function progressText(progress: SweepProgress | null, members: number | null, elapsedMs: number): string {
  if (!progress || !members) return progress ? `Reading the group's members: ${n0(progress.membersRead)} so far` : 'Reading the group…';
  const done = progress.judged;
  const quota = progress.quotaWaitMs > 1000 ? `; waiting ${Math.ceil(progress.quotaWaitMs / 1000)} s for Graph's reports quota` : '';
  if (done === 0) return `0 of ${n0(members)} members${quota}`;
  const leftMs = (elapsedMs / done) * (members - done);
  const left = leftMs >= 90_000 ? `about ${Math.round(leftMs / 60_000)} min left` : `about ${Math.max(1, Math.round(leftMs / 1000))} s left`;
  return `${n0(done)} of ${n0(members)} members, ${left}${quota}`;
}

/** Ten-cell text bar, for every client (the chart is not drawn everywhere). */
const bar = (done: number, total: number) => {
  const filled = total ? Math.round((done / total) * 10) : 0;
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
};

const OUTCOMES: Array<{ key: keyof SweepDocument['summary']; label: string; color: TextColor }> = [
  { key: 'has-passkey', label: 'Already have a passkey', color: 'Good' },
  { key: 'ready', label: 'Ready to register', color: 'Good' },
  { key: 'blocked', label: 'Blocked', color: 'Attention' },
  { key: 'unknown', label: 'Could not tell', color: 'Warning' },
];

export function sweepView(state: SweepCardState) {
  if (state.kind === 'running') {
    const done = state.progress?.judged ?? 0;
    return {
      running: true,
      done: false,
      stopped: false,
      sweepId: state.sweepId,
      title: `Sweeping ${state.groupName}`,
      progressBar: bar(done, state.members ?? 0),
      progressText: progressText(state.progress, state.members, state.nowMs - state.startedAtMs),
    };
  }
  if (state.kind === 'stopped') {
    return { running: false, done: false, stopped: true, sweepId: state.sweepId, title: `Sweep of ${state.groupName} stopped`, why: state.why };
  }
  const doc = state.document;
  const causes = doc.byCause
    .slice(0, TOP_CAUSES)
    .map((c) => ({ code: c.code, layer: c.layer, count: c.count, countText: n0(c.count), fix: causeFix(c.code) }));
  return {
    running: false,
    done: true,
    stopped: false,
    sweepId: state.sweepId,
    title: `Sweep of ${doc.group.displayName}: ${n0(doc.group.members)} members`,
    outcomes: OUTCOMES.map((o) => ({ label: o.label, count: n0(doc.summary[o.key]), color: o.color })),
    hasCauses: causes.length > 0,
    causes,
    chart: causes.map((c) => ({ x: c.code, y: c.count })),
    notes: doc.notes.map((text) => ({ text })),
    csvUrl: state.csvUrl ?? '',
    hasCsv: !!state.csvUrl,
    csvExpires: state.csvExpiresAt ? `The link works until ${state.csvExpiresAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}.` : '',
    footer: `Layers 1–3 judged from bulk reads (${doc.graph.requests} Graph requests) at ${doc.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}. Layers 4–7 belong to one person at one device: diagnose that person for them.`,
  };
}
