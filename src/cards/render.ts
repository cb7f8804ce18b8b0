/**
 * Card construction: the JSON templates in `templates/` (editable in the
 * Adaptive Cards Designer) expanded with their view models. Handlers call
 * these and never build card JSON themselves.
 */
import * as ACData from 'adaptivecards-templating';
import type { EscalationPayload } from '../actions/escalation';
import type { RemovalResult } from '../actions/passkeyRemoval';
import type { RemovalRecord } from '../actions/removalRecord';
import type { TapRecord } from '../actions/tapRecord';
import type { TapResult } from '../actions/tapWorkflow';
import type { Verdict } from '../model/verdictTypes';
import type { PolicyCheckDocument } from '../tenant/policyCheck/types';
import type { AuditEntry } from '../store/auditTrail';
import { auditView } from './auditView';
import { deviceFormView } from './deviceFormView';
import { escalationView } from './escalationView';
import { helpView, type HelpOptions } from './helpView';
import { utcMinute } from './labels';
import type { NoticeView } from './noticeView';
import { passkeyListView, passkeyRemovalView } from './passkeyRemovalView';
import { policyCheckView } from './policyCheckView';
import { digestView } from './digestView';
import type { RegistrationReport } from '../tenant/report/types';
import { sweepView, type SweepCardState } from './sweepView';
import { tapConfirmReplaceView, tapRequestView } from './tapRequestView';
import { tapSecretView } from './tapSecretView';
import auditTemplate from './templates/audit.json';
import deviceFormTemplate from './templates/deviceForm.json';
import escalationTemplate from './templates/escalation.json';
import helpTemplate from './templates/help.json';
import noticeTemplate from './templates/notice.json';
import passkeyListTemplate from './templates/passkeyList.json';
import passkeyRemovalTemplate from './templates/passkeyRemoval.json';
import policyCheckTemplate from './templates/policyCheck.json';
import digestTemplate from './templates/digest.json';
import sweepTemplate from './templates/sweep.json';
import tapConfirmReplaceTemplate from './templates/tapConfirmReplace.json';
import tapRequestTemplate from './templates/tapRequest.json';
import tapSecretTemplate from './templates/tapSecret.json';
import verdictTemplate from './templates/verdict.json';
import type { VerdictChanges } from './verdictChanges';
import { escapeView } from './markdown';
import { verdictView, type VerdictStatus } from './verdictView';

/** An Adaptive Card as JSON (structurally the `AdaptiveCard` teams-ai handlers return). */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  [key: string]: unknown;
}

/** Expands a template with a view whose strings are all shown as text, never as Markdown. */
function expand(template: object, data: object): AdaptiveCardJson {
  return expandVerbatim(template, escapeView(data));
}

/**
 * Parsing a template (every `${…}` through the expression parser) costs far
 * more than expanding it, and it made most of a turn's garbage: each
 * template is parsed once and its parsed form reused. Expansion is
 * synchronous, so one parsed template serves every turn in turn.
 */
const parsed = new WeakMap<object, ACData.Template>();

/** For cards made only of Passkey Doctor's own words and validated choices (help, the device form). */
function expandVerbatim(template: object, data: object): AdaptiveCardJson {
  let ready = parsed.get(template);
  if (!ready) {
    ready = new ACData.Template(template);
    parsed.set(template, ready);
  }
  return ready.expand({ $root: data }) as AdaptiveCardJson;
}

export function deviceFormCard(verdict: Verdict, runId: string): AdaptiveCardJson {
  return expandVerbatim(deviceFormTemplate, deviceFormView(verdict, runId));
}

export function verdictCard(
  verdict: Verdict,
  runId: string,
  changes: VerdictChanges | null = null,
  status: VerdictStatus = {},
): AdaptiveCardJson {
  return expand(verdictTemplate, { ...verdictView(verdict, runId, changes, status), deviceFormCard: deviceFormCard(verdict, runId) });
}

export function helpCard(options: HelpOptions = {}): AdaptiveCardJson {
  return expandVerbatim(helpTemplate, helpView(options));
}

export function noticeCard(view: NoticeView): AdaptiveCardJson {
  return expand(noticeTemplate, view);
}

/** The TAP request for the whole conversation, in whatever state it is. Never holds the pass. */
export function tapRequestCard(request: TapRecord): AdaptiveCardJson {
  return expand(tapRequestTemplate, tapRequestView(request));
}

/** For the approver who issued the pass only: the one card that holds it. */
export function tapSecretCard(issued: Extract<TapResult, { kind: 'issued' }>): AdaptiveCardJson {
  return expand(tapSecretTemplate, tapSecretView(issued));
}

export function tapConfirmReplaceCard(result: Extract<TapResult, { kind: 'confirm-replace' }>): AdaptiveCardJson {
  return expand(tapConfirmReplaceTemplate, tapConfirmReplaceView(result));
}

/** For the operator who clicked only: the user's passkeys to pick from. */
export function passkeyListCard(listed: Extract<RemovalResult, { kind: 'passkeys' }>): AdaptiveCardJson {
  return expand(passkeyListTemplate, passkeyListView(listed));
}

export function passkeyRemovalCard(request: RemovalRecord): AdaptiveCardJson {
  return expand(passkeyRemovalTemplate, passkeyRemovalView(request));
}

export function escalationCard(payload: EscalationPayload, runId: string): AdaptiveCardJson {
  return expand(escalationTemplate, escalationView(payload, runId));
}

/**
 * The escalation card after a Re-run in the owner's channel: its header and
 * history as posted, then the new verdict under it. The verdict's element
 * ids are prefixed so its toggles do not collide with the escalation's.
 */
export function escalationRerunCard(
  payload: EscalationPayload,
  verdict: Verdict,
  runId: string,
  changes: VerdictChanges | null,
): AdaptiveCardJson {
  const escalation = escalationCard(payload, runId);
  const rerun = verdictCard(verdict, runId, changes);
  const body = prefixIds(rerun['body'], 'rerun-');
  return {
    ...escalation,
    body: [
      ...(escalation['body'] as unknown[]),
      {
        type: 'Container',
        separator: true,
        spacing: 'ExtraLarge',
        items: [
          {
            type: 'TextBlock',
            text: `Re-run at ${utcMinute(verdict.generatedAt)}: the verdict now`,
            weight: 'Bolder',
            size: 'Medium',
            wrap: true,
          },
          ...(body as unknown[]),
        ],
      },
    ],
  };
}

function prefixIds(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => prefixIds(n, prefix));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'id' && typeof value === 'string') out[key] = `${prefix}${value}`;
    else if (key === 'targetElements' && Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? `${prefix}${v}` : v));
    else out[key] = prefixIds(value, prefix);
  }
  return out;
}

export function auditCard(upn: string, entries: AuditEntry[]): AdaptiveCardJson {
  return expand(auditTemplate, auditView(upn, entries));
}

export function sweepCard(state: SweepCardState): AdaptiveCardJson {
  return expand(sweepTemplate, sweepView(state));
}

export function policyCheckCard(document: PolicyCheckDocument): AdaptiveCardJson {
  return expand(policyCheckTemplate, policyCheckView(document));
}

/** The weekly registration digest; `digestId` names the stored outreach list its Diagnose buttons point into. */
export function digestCard(report: RegistrationReport, digestId: string): AdaptiveCardJson {
  return expand(digestTemplate, digestView(report, digestId));
}
