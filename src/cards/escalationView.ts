/**
 * The escalation as the owning team's channel sees it: the verdict's
 * headline, what blocks (with the fixes), the evidence, the user's methods
 * now with authenticator names, and what the help desk already tried.
 */
import { routeOwnerLabel } from '../model/owners';
import type { EscalationPayload } from '../actions/escalation';
import { AUDIT_ACTIONS } from './auditView';
import { evidenceSections, type EvidenceSection } from './evidenceView';
import { OUTCOME_HEADLINES, STATUS_LABELS, utcMinute } from './labels';
import { forTeams } from './teamsWording';

export interface EscalationView {
  runId: string;
  title: string;
  headline: string;
  byLine: string;
  findings: Array<{ heading: string; message: string; fix: string }>;
  evidence: EvidenceSection[];
  methods: Array<{ text: string }>;
  tried: Array<{ text: string }>;
}

const severityLabel = (severity: string): string =>
  (STATUS_LABELS as Record<string, { label: string } | undefined>)[severity]?.label ?? severity;

type Method = NonNullable<EscalationPayload['evidence']['methods']>[number];

const methodLine = (method: Method): string =>
  [
    method.authenticator ?? method.displayName ?? method.kind,
    method.authenticator && method.displayName ? `"${method.displayName}"` : undefined,
    method.createdDateTime ? `added ${utcMinute(method.createdDateTime)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

/** The payload's headline names the finding code for ticketing systems; the card names the layer. */
function headlineOf({ verdict }: EscalationPayload): string {
  const name = verdict.user?.displayName ?? verdict.user?.userPrincipalName ?? verdict.subject;
  const root = verdict.rootCause && verdict.layers.find((l) => l.layer === verdict.rootCause!.layer);
  return root
    ? `${name} cannot register a passkey: layer ${root.layer}, ${root.title}.`
    : `${name}: ${OUTCOME_HEADLINES[verdict.outcome].label}.`;
}

/** `runId` is the copy of the run kept for the channel, so its Re-run works there. */
export function escalationView(payload: EscalationPayload, runId: string): EscalationView {
  const { evidence, verdict } = payload;
  return {
    runId,
    title: `Escalation for the ${routeOwnerLabel(payload.owner)}`,
    headline: headlineOf(payload),
    byLine: `${OUTCOME_HEADLINES[verdict.outcome].label} · escalated by ${payload.escalatedBy.name} from the help desk at ${utcMinute(payload.escalatedAt)}`,
    findings: evidence.findings.map((finding) => ({
      heading: `Layer ${finding.layer} · ${finding.title} · ${severityLabel(finding.severity)}`,
      message: forTeams(finding.message),
      fix: forTeams(finding.fix ?? ''),
    })),
    evidence: evidenceSections(verdict),
    methods:
      evidence.methods === null
        ? [{ text: 'Could not be read from Microsoft Graph when escalating.' }]
        : evidence.methods.map((method) => ({ text: methodLine(method) })),
    tried: evidence.tried.map((entry) => ({
      text: `${utcMinute(entry.time)} · ${entry.who} · ${AUDIT_ACTIONS[entry.what] ?? entry.what}${entry.note ? ` (${entry.note})` : ''}`,
    })),
  };
}
