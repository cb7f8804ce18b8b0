/**
 * The escalation as the owning team's channel sees it: the verdict's
 * headline, what blocks (with the fixes), the evidence, the user's methods
 * now with authenticator names, and what the help desk already tried.
 */
import { OWNER_NAMES, type EscalationPayload } from '../actions/escalation';
import { AUDIT_ACTIONS } from './auditView';
import { evidenceSections, type EvidenceSection } from './evidenceView';
import { OUTCOME_HEADLINES, STATUS_LABELS, utcMinute } from './labels';

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

const severityLabel = (severity: string): string => (STATUS_LABELS as Record<string, { label: string } | undefined>)[severity]?.label ?? severity;

type Method = NonNullable<EscalationPayload['evidence']['methods']>[number];

const methodLine = (method: Method): string =>
  [method.authenticator ?? method.displayName ?? method.kind, method.authenticator && method.displayName ? `"${method.displayName}"` : undefined, method.createdDateTime ? `added ${utcMinute(method.createdDateTime)}` : undefined]
    .filter(Boolean)
    .join(' · ');

/** `runId` is the copy of the run kept for the channel, so its Re-run works there. */
export function escalationView(payload: EscalationPayload, runId: string): EscalationView {
  const { evidence, verdict } = payload;
  return {
    runId,
    title: `Escalation for the ${OWNER_NAMES[payload.owner]}`,
    headline: payload.headline,
    byLine: `${OUTCOME_HEADLINES[verdict.outcome].label} · escalated by ${payload.escalatedBy.name} from the help desk at ${utcMinute(payload.escalatedAt)}`,
    findings: evidence.findings.map((finding) => ({
      heading: `Layer ${finding.layer} · ${finding.title} · ${severityLabel(finding.severity)} · ${finding.code}`,
      message: finding.message,
      fix: finding.fix ?? '',
    })),
    evidence: evidenceSections(verdict),
    methods: evidence.methods === null ? [{ text: 'Could not be read from Microsoft Graph when escalating.' }] : evidence.methods.map((method) => ({ text: methodLine(method) })),
    tried: evidence.tried.map((entry) => ({ text: `${utcMinute(entry.time)} · ${entry.who} · ${AUDIT_ACTIONS[entry.what] ?? entry.what}${entry.note ? ` (${entry.note})` : ''}` })),
  };
}
