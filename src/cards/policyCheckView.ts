/**
 * The policy-check card's view model: a headline ("2 problems, 3 warnings"),
 * one row per finding (icon, message, fix, admin-center link, Maester id) and
 * Re-check. Nothing about the tenant goes into any action's `data`; tenant
 * names reach the card as text, escaped by `render` like every view.
 */
import type { PolicySeverity } from '../tenant/policyCheck/codes';
import type { PolicyCheckDocument } from '../tenant/policyCheck/types';
import type { ContainerStyle, TextColor } from './labels';

const ROW: Record<PolicySeverity, { icon: string; color: TextColor; label: string }> = {
  fail: { icon: '✖', color: 'Attention', label: 'Problem' },
  warn: { icon: '⚠', color: 'Warning', label: 'Warning' },
  info: { icon: 'ℹ', color: 'Accent', label: 'Note' },
  unknown: { icon: '?', color: 'Default', label: 'Not checked' },
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function headline(summary: PolicyCheckDocument['summary']): { text: string; color: TextColor; style: ContainerStyle } {
  const parts = [
    summary.fail ? plural(summary.fail, 'problem', 'problems') : '',
    summary.warn ? plural(summary.warn, 'warning', 'warnings') : '',
    summary.info ? plural(summary.info, 'note', 'notes') : '',
    summary.unknown ? `${summary.unknown} not checked` : '',
  ].filter(Boolean);
  if (parts.length === 0) return { text: 'No design problems found', color: 'Good', style: 'good' };
  if (summary.fail) return { text: parts.join(', '), color: 'Attention', style: 'attention' };
  return { text: parts.join(', '), color: 'Default', style: summary.warn ? 'warning' : 'accent' };
}

export function policyCheckView(document: PolicyCheckDocument) {
  return {
    headline: headline(document.summary),
    findings: document.findings.map((f) => ({
      icon: ROW[f.severity].icon,
      color: ROW[f.severity].color,
      label: ROW[f.severity].label,
      message: f.message,
      fix: f.fix,
      blade: f.blade,
      reference: f.maester ? `Maester ${f.maester}` : '',
    })),
    hasFindings: document.findings.length > 0,
    checkedAt: document.generatedAt,
  };
}
