/**
 * What changed between two verdicts for the same user: the outcome, layers
 * whose status moved, and findings that appeared or cleared. Findings are
 * compared by code per layer, since messages carry times that change on
 * every run.
 */
import type { LayerNumber, LayerStatus, Outcome, Verdict } from '../model/verdictTypes';
import { oneLine } from './oneLine';
import { OUTCOME_HEADLINES, STATUS_LABELS, type TextColor, utcMinute } from './labels';

export interface VerdictChange {
  text: string;
  color: TextColor;
}

export interface VerdictChanges {
  /** When the earlier run was made. */
  since: string;
  items: VerdictChange[];
}

/** Info findings only explain; they do not change what the technician does, so they are not listed. */
function findingCodes(verdict: Verdict): Map<string, { layer: LayerNumber; title: string; message: string }> {
  const codes = new Map<string, { layer: LayerNumber; title: string; message: string }>();
  for (const layer of verdict.layers) {
    for (const finding of layer.findings) {
      if (finding.severity === 'info') continue;
      codes.set(`${layer.layer}:${finding.code}`, { layer: layer.layer, title: layer.title, message: finding.message });
    }
  }
  return codes;
}

/** Worst first; a change is coloured by its direction, not by where it ends up. */
const OUTCOME_RANK: Outcome[] = ['user-not-found', 'blocked', 'at-risk', 'incomplete', 'ready'];
const STATUS_RANK: LayerStatus[] = ['fail', 'warn', 'unknown', 'needs-info', 'pass'];

function direction<T>(rank: T[], from: T, to: T): TextColor {
  const delta = rank.indexOf(to) - rank.indexOf(from);
  return delta > 0 ? 'Good' : delta < 0 ? 'Attention' : 'Default';
}

export function verdictChanges(previous: Verdict, current: Verdict): VerdictChanges {
  const items: VerdictChange[] = [];
  if (previous.outcome !== current.outcome) {
    items.push({
      text: `Outcome: ${OUTCOME_HEADLINES[previous.outcome].label} → ${OUTCOME_HEADLINES[current.outcome].label}`,
      color: direction(OUTCOME_RANK, previous.outcome, current.outcome),
    });
  }
  for (const layer of current.layers) {
    const before = previous.layers.find((l) => l.layer === layer.layer);
    if (!before || before.status === layer.status) continue;
    items.push({
      text: `Layer ${layer.layer} · ${layer.title}: ${STATUS_LABELS[before.status].label} → ${STATUS_LABELS[layer.status].label}`,
      color: direction(STATUS_RANK, before.status, layer.status),
    });
  }
  const was = findingCodes(previous);
  const now = findingCodes(current);
  for (const [key, finding] of now) {
    if (!was.has(key)) items.push({ text: `New in layer ${finding.layer}: ${oneLine(finding.message)}`, color: 'Attention' });
  }
  for (const [key, finding] of was) {
    if (!now.has(key)) items.push({ text: `Cleared in layer ${finding.layer}: ${oneLine(finding.message)}`, color: 'Good' });
  }
  return { since: utcMinute(previous.generatedAt), items };
}
