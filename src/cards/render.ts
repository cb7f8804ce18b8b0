/**
 * Card construction: the JSON templates in `templates/` (editable in the
 * Adaptive Cards Designer) expanded with their view models. Handlers call
 * these and never build card JSON themselves.
 */
import * as ACData from 'adaptivecards-templating';
import type { Verdict } from '../diagnosis/verdictTypes';
import { deviceFormView } from './deviceFormView';
import { helpView, type HelpOptions } from './helpView';
import type { NoticeView } from './noticeView';
import deviceFormTemplate from './templates/deviceForm.json';
import helpTemplate from './templates/help.json';
import noticeTemplate from './templates/notice.json';
import verdictTemplate from './templates/verdict.json';
import type { VerdictChanges } from './verdictChanges';
import { verdictView } from './verdictView';

/** An Adaptive Card as JSON (structurally the `AdaptiveCard` teams-ai handlers return). */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  [key: string]: unknown;
}

function expand(template: object, data: object): AdaptiveCardJson {
  return new ACData.Template(template).expand({ $root: data }) as AdaptiveCardJson;
}

export function deviceFormCard(verdict: Verdict, runId: string): AdaptiveCardJson {
  return expand(deviceFormTemplate, deviceFormView(verdict, runId));
}

export function verdictCard(verdict: Verdict, runId: string, changes: VerdictChanges | null = null): AdaptiveCardJson {
  return expand(verdictTemplate, { ...verdictView(verdict, runId, changes), deviceFormCard: deviceFormCard(verdict, runId) });
}

export function helpCard(options: HelpOptions = {}): AdaptiveCardJson {
  return expand(helpTemplate, helpView(options));
}

export function noticeCard(view: NoticeView): AdaptiveCardJson {
  return expand(noticeTemplate, view);
}
