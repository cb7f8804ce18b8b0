/** The policy check as a terminal table: one line per finding, its fix underneath. */
import type { PolicySeverity } from '../tenant/policyCheck/codes';
import type { PolicyCheckDocument } from '../tenant/policyCheck/types';
import type { Colour, Styler } from './style';

const LABELS: Record<PolicySeverity, { text: string; colour: Colour }> = {
  fail: { text: 'FAIL', colour: 'red' },
  warn: { text: 'WARN', colour: 'yellow' },
  info: { text: 'INFO', colour: 'blue' },
  unknown: { text: '????', colour: 'magenta' },
};

export function renderPolicyCheck(document: PolicyCheckDocument, style: Styler): string {
  const { fail, warn, info, unknown } = document.summary;
  const tenant = document.tenant.displayName ?? document.tenant.id ?? 'the tenant';
  const lines = [style('bold', `Passkey policy check — ${tenant}: ${fail} fail, ${warn} warn, ${info} info${unknown ? `, ${unknown} could not be checked` : ''}`), ''];
  if (document.findings.length === 0) lines.push('No design problems found.');
  for (const f of document.findings) {
    const label = LABELS[f.severity];
    lines.push(`${style(label.colour, label.text)}  ${f.message}${f.maester ? `  ${style('grey', `[Maester ${f.maester}]`)}` : ''}`);
    lines.push(`      Fix: ${f.fix}`);
  }
  lines.push('', style('grey', `Graph: ${document.graph.requests} requests in ${document.graph.roundTrips} round trips, ${document.graph.ms} ms.`));
  return lines.join('\n') + '\n';
}
