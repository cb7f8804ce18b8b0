/**
 * The verdict card's view model: everything the template binds, decided
 * here so the template stays a layout (docs/contracts.md §3 for the verdict fields).
 */
import type { Finding, LayerResult, Verdict } from '../model/verdictTypes';
import { evidenceSections, type EvidenceSection } from './evidenceView';
import { OUTCOME_HEADLINES, ownerTitle, STATUS_LABELS, type ContainerStyle, type TextColor, utcMinute } from './labels';
import { learnLink } from './learnLinks';
import { firstSentence } from './oneLine';
import { forTeams } from './teamsWording';
import type { VerdictChanges } from './verdictChanges';

export interface FixStep {
  title: string;
  text: string;
  links: string;
}

export interface VerdictView {
  runId: string;
  fallbackText: string;
  headline: { label: string; color: TextColor; style: ContainerStyle };
  subjectLine: string;
  summary: string;
  ownerLine: string;
  hasOwner: boolean;
  hasChanges: boolean;
  changes: VerdictChanges & { title: string; hasItems: boolean };
  hasLimitations: boolean;
  limitations: Array<{ text: string }>;
  /** False for a user who does not exist: the summary's one line says it all. */
  hasLayers: boolean;
  layers: Array<{ icon: string; color: TextColor; title: string; status: string; reason: string }>;
  hasEvidence: boolean;
  evidence: EvidenceSection[];
  hasFixes: boolean;
  /** The one next step, shown first and prominent. */
  nextStep: FixStep;
  /** Every other fix, behind "More fixes". */
  hasMoreFixes: boolean;
  moreFixes: FixStep[];
  moreFixesTitle: string;
  footer: string;
  /** What was done from the card, e.g. the escalation; empty when nothing was. */
  statusLine: string;
  actions: {
    rerun: boolean;
    deviceDetails: boolean;
    issueTap: boolean;
    escalate: boolean;
    retryEscalation: boolean;
    removePasskey: boolean;
  };
}

/** What was done from the card since the verdict, shown on it for everyone. */
export interface VerdictStatus {
  /** The escalation's one line ("Escalated to … by … at …"); the card then offers no second escalation. */
  escalation?: string;
  /** The escalation did not reach the team's channel: the card says so and offers Retry instead. */
  escalationUndelivered?: boolean;
}

/** Findings that mean "we could not look", not "something is wrong": the card says which layer could not be checked. */
const COULD_NOT_CHECK = new Set([
  'GRAPH.PERMISSION_MISSING',
  'GRAPH.THROTTLED',
  'GRAPH.UNAVAILABLE',
  'GRAPH.LICENCE_MISSING',
  'L4.SIGNIN_LOGS_UNAVAILABLE',
]);

const SEVERITY_ORDER = ['fail', 'warn', 'unknown', 'needs-info', 'info'] as const;

function worstFinding(layer: LayerResult): Finding | undefined {
  for (const severity of SEVERITY_ORDER) {
    const found = layer.findings.find((f) => f.severity === severity);
    if (found) return found;
  }
  return undefined;
}

function nameOf(verdict: Verdict): string {
  return verdict.user?.displayName ?? verdict.user?.userPrincipalName ?? verdict.subject;
}

function listLayers(layers: LayerResult[]): string {
  const numbers = layers.map((l) => String(l.layer));
  if (numbers.length === 1) return `layer ${numbers[0]}`;
  return `layers ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function summaryOf(verdict: Verdict): { summary: string; ownerLine: string } {
  const name = nameOf(verdict);
  const layerOf = (n: number) => verdict.layers.find((l) => l.layer === n)!;
  switch (verdict.outcome) {
    case 'blocked': {
      const cause = verdict.rootCause!;
      const layer = layerOf(cause.layer);
      const finding = layer.findings.find((f) => f.code === cause.code);
      return {
        summary: finding?.message ?? `${name} is blocked at layer ${cause.layer} (${layer.title}).`,
        ownerLine: `Root cause: layer ${cause.layer} · ${layer.title} · owner: ${ownerTitle(cause.owner)}`,
      };
    }
    case 'at-risk': {
      const layer = verdict.layers.find((l) => l.status === 'warn')!;
      return {
        summary:
          layer.findings.find((f) => f.severity === 'warn')?.message ??
          `Layer ${layer.layer} (${layer.title}) is likely to get in the way.`,
        ownerLine: `First risk: layer ${layer.layer} · ${layer.title} · owner: ${ownerTitle(layer.owner)}`,
      };
    }
    case 'incomplete': {
      const open = verdict.layers.filter((l) => l.status === 'unknown' || l.status === 'needs-info');
      const next = verdict.suggestedActions.includes('add-device-details') ? ' Add the device details to check the rest.' : '';
      return { summary: `Nothing blocks ${name} so far, but ${listLayers(open)} could not be decided yet.${next}`, ownerLine: '' };
    }
    case 'ready':
      return { summary: `${name} can register a passkey: every layer passed.`, ownerLine: '' };
    case 'user-not-found': {
      const finding = verdict.layers[0]?.findings[0];
      return {
        summary: [finding?.message, finding?.fix].filter(Boolean).join(' ') || `No user ${verdict.subject} exists in this tenant.`,
        ownerLine: '',
      };
    }
  }
}

function layerRows(verdict: Verdict): VerdictView['layers'] {
  return verdict.layers.map((layer) => {
    const label = STATUS_LABELS[layer.status];
    const worst = worstFinding(layer);
    // A passing layer's notes (caveats, context) are evidence, not a reason; other rows wrap their first sentence whole.
    const reason = layer.status === 'pass' ? 'No problem found.' : worst ? forTeams(firstSentence(worst.message)) : label.label;
    return { icon: label.icon, color: label.color, title: `${layer.layer} · ${layer.title}`, status: label.label, reason };
  });
}

function limitations(verdict: Verdict): VerdictView['limitations'] {
  return verdict.layers.flatMap((layer) =>
    layer.findings
      .filter((f) => COULD_NOT_CHECK.has(f.code))
      .map((f) => ({ text: `Layer ${layer.layer} (${layer.title}) could not be checked: ${forTeams(f.message)}` })),
  );
}

/**
 * Fix steps for everything not passing, the root cause first and then in the
 * verdict's order; the same advice twice is shown once. The card shows the
 * first as the next step and the rest behind "More fixes".
 */
function fixes(verdict: Verdict): FixStep[] {
  const steps: FixStep[] = [];
  const seen = new Set<string>();
  const ordered = verdict.layers.flatMap((layer) => layer.findings.map((finding) => ({ layer, finding })));
  const isRoot = (f: Finding) => f.code === verdict.rootCause?.code;
  ordered.sort((a, b) => Number(isRoot(b.finding)) - Number(isRoot(a.finding)));
  for (const { layer, finding } of ordered) {
    if (!finding.fix || finding.severity === 'info' || seen.has(finding.fix)) continue;
    seen.add(finding.fix);
    steps.push({
      title: `Layer ${layer.layer} · ${layer.title}`,
      text: forTeams(finding.fix),
      links: (finding.docs ?? []).map(learnLink).join(' · '),
    });
  }
  return steps;
}

export function verdictView(
  verdict: Verdict,
  runId: string,
  changes: VerdictChanges | null = null,
  status: VerdictStatus = {},
): VerdictView {
  const headline = OUTCOME_HEADLINES[verdict.outcome];
  const said = summaryOf(verdict);
  const summary = forTeams(said.summary);
  const { ownerLine } = said;
  const suggested = new Set(verdict.suggestedActions);
  const evidence = evidenceSections(verdict);
  const fixSteps = fixes(verdict);
  const notes = limitations(verdict);
  const who = verdict.user?.displayName ? `${verdict.user.displayName} · ${verdict.user.userPrincipalName}` : verdict.subject;
  return {
    runId,
    fallbackText: `Passkey Doctor: ${verdict.subject} — ${headline.label}. ${summary}`,
    headline,
    subjectLine: who,
    summary,
    ownerLine,
    hasOwner: ownerLine !== '',
    hasChanges: changes !== null,
    changes: {
      since: changes?.since ?? '',
      items: changes?.items ?? [],
      title:
        changes && changes.items.length > 0
          ? `What changed since the run at ${changes.since}`
          : `Nothing changed since the run at ${changes?.since ?? ''}`,
      hasItems: (changes?.items.length ?? 0) > 0,
    },
    hasLimitations: notes.length > 0,
    limitations: notes,
    hasLayers: verdict.outcome !== 'user-not-found',
    layers: verdict.outcome === 'user-not-found' ? [] : layerRows(verdict),
    hasEvidence: evidence.length > 0,
    evidence,
    hasFixes: fixSteps.length > 0,
    nextStep: fixSteps[0] ?? { title: '', text: '', links: '' },
    hasMoreFixes: fixSteps.length > 1,
    moreFixes: fixSteps.slice(1),
    moreFixesTitle: `More fixes (${fixSteps.length - 1})`,
    footer: `Checked ${utcMinute(verdict.generatedAt)} · ${verdict.graph.roundTrips} Graph round trip${verdict.graph.roundTrips === 1 ? '' : 's'}${verdict.graph.ms !== undefined ? `, ${verdict.graph.ms} ms` : ''}`,
    statusLine: status.escalation ?? '',
    actions: {
      rerun: suggested.has('rerun'),
      deviceDetails: suggested.has('add-device-details') || (verdict.outcome !== 'user-not-found' && !!verdict.device?.source),
      issueTap: suggested.has('issue-tap'),
      escalate: suggested.has('escalate') && !status.escalation,
      retryEscalation: !!status.escalation && status.escalationUndelivered === true,
      removePasskey: suggested.has('remove-passkey'),
    },
  };
}
