/** The human-readable verdict: one row per layer, the root cause and fix underneath. */
import type { Finding, LayerResult, LayerStatus, Outcome, SuggestedAction, Verdict } from '../model/verdictTypes';
import type { Colour, Styler } from './style';

const OUTCOME: Record<Outcome, { label: string; colour: Colour }> = {
  blocked: { label: 'BLOCKED', colour: 'red' },
  'at-risk': { label: 'AT RISK', colour: 'yellow' },
  incomplete: { label: 'INCOMPLETE', colour: 'blue' },
  ready: { label: 'READY', colour: 'green' },
  'user-not-found': { label: 'USER NOT FOUND', colour: 'magenta' },
};

const STATUS: Record<LayerStatus, { label: string; colour: Colour }> = {
  pass: { label: 'pass', colour: 'green' },
  fail: { label: 'FAIL', colour: 'red' },
  warn: { label: 'warn', colour: 'yellow' },
  unknown: { label: 'unknown', colour: 'magenta' },
  'needs-info': { label: 'needs info', colour: 'blue' },
};

/** The verdict's suggested-action ids (kept in --json) in words, with how to do each from here. */
const SUGGESTED: Record<SuggestedAction, string> = {
  'issue-tap': 'issue a Temporary Access Pass (in Teams: Request TAP, then an approver approves)',
  'add-device-details': 'add the device details (--os, --os-version, --browser, --path, --authenticator)',
  escalate: 'escalate to the owning team (in Teams: Escalate)',
  rerun: 're-run after a fix',
  'remove-passkey': 'remove a lost passkey (in Teams: Remove passkey)',
  reauthenticate: 'have the user sign in again with MFA',
};

const OWNER = { 'identity-team': 'identity team', 'user-session': "the user's session", endpoint: 'endpoint team' } as const;

/** The finding that explains the layer's status best: its worst one, else the first note. */
function headlineFinding(layer: LayerResult): Finding | undefined {
  if (layer.status === 'pass') return layer.findings[0];
  const rank = { fail: 4, warn: 3, unknown: 2, 'needs-info': 1, info: 0 } as const;
  return [...layer.findings].sort((a, b) => rank[b.severity] - rank[a.severity])[0];
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}

export function renderVerdict(verdict: Verdict, s: Styler, width = 100): string {
  const lines: string[] = [];
  const who = verdict.user ? `${verdict.user.displayName ?? verdict.user.userPrincipalName} <${verdict.user.userPrincipalName}>` : verdict.subject;
  const outcome = OUTCOME[verdict.outcome];
  lines.push(`${s('bold', 'Passkey Doctor')} — ${who}`);
  const rootLayer = verdict.rootCause && verdict.layers.find((l) => l.layer === verdict.rootCause!.layer);
  lines.push(`${s(outcome.colour, s('bold', outcome.label))}${verdict.rootCause ? `  root cause: layer ${verdict.rootCause.layer} (${rootLayer?.title}), owner: ${OWNER[verdict.rootCause.owner]}` : ''}`);
  lines.push('');
  const titleWidth = Math.max(...verdict.layers.map((l) => l.title.length)) + 2;
  const reasonWidth = Math.max(30, width - titleWidth - 16);
  lines.push(s('grey', `${pad('#', 3)}${pad('Layer', titleWidth)}${pad('Status', 12)}Reason`));
  for (const layer of verdict.layers) {
    const status = STATUS[layer.status];
    // A passing layer's notes are context, not a reason (--json has them all).
    const reason = layer.status === 'pass' ? 'No problem found.' : (headlineFinding(layer)?.message ?? STATUS[layer.status].label);
    lines.push(`${pad(String(layer.layer), 3)}${pad(layer.title, titleWidth)}${s(status.colour, pad(status.label, 12))}${oneLine(reason, reasonWidth)}`);
  }
  const root = verdict.rootCause && verdict.layers[verdict.rootCause.layer - 1].findings.find((f) => f.code === verdict.rootCause!.code);
  const explain = root ?? verdict.layers.map(headlineFinding).find((f) => f && f.severity !== 'info');
  if (explain) {
    lines.push('');
    lines.push(`${s('bold', verdict.rootCause ? 'Root cause' : 'Next step')}: ${explain.message}`);
    if (explain.fix) lines.push(`${s('bold', 'Fix')}: ${explain.fix}`);
    for (const link of explain.docs ?? []) lines.push(`  ${s('cyan', link)}`);
  }
  if (verdict.recentFailures.length) {
    lines.push('');
    lines.push(s('bold', 'Recent failed registrations'));
    for (const f of verdict.recentFailures.slice(0, 5)) {
      lines.push(`  ${f.time}  ${f.activity}${f.reason ? ` — ${f.reason}` : ''}${f.authenticatorName ? ` (${f.authenticatorName})` : ''}`);
    }
  }
  if (verdict.suggestedActions.length) {
    lines.push('');
    lines.push(`${s('bold', 'What you can do next')}: ${verdict.suggestedActions.map((a) => SUGGESTED[a]).join('; ')}`);
  }
  lines.push(s('grey', `Graph: ${verdict.graph.requests} requests, ${verdict.graph.roundTrips} round trips${verdict.graph.ms !== undefined ? `, ${verdict.graph.ms} ms` : ''}`));
  return lines.join('\n') + '\n';
}
