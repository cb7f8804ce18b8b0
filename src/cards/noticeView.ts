/**
 * Friendly cards for everything that is not a verdict: bad input, a refused
 * user, Graph trouble. The title comes from the error catalogue, the message
 * is the error's own sentence, and the hint says what to do next. Unexpected
 * errors show only a reference that matches the log line.
 */
import { ERRORS, isPasskeyDoctorError, type ErrorCode } from '../errors/catalog';
import type { ContainerStyle, TextColor } from './labels';

export interface NoticeView {
  title: string;
  message: string;
  hint: string;
  style: ContainerStyle;
  color: TextColor;
  reference: string;
}

/** Codes added to the catalogue later fall back to DEFAULT_HINT. */
const HINTS: Partial<Record<ErrorCode, string>> = {
  BAD_UPN: 'Type diagnose followed by the sign-in name, e.g. diagnose alice@contoso.com. Type help for the options.',
  USAGE: 'Type help to see the commands and the device options.',
  NOT_AUTHORISED: 'Ask whoever runs Passkey Doctor in your organisation to add you to its operators group.',
  GRAPH_FORBIDDEN: "An Entra admin grants the permission to Passkey Doctor's app (API permissions, with admin consent); then try again.",
  GRAPH_THROTTLED: 'Microsoft Graph asked us to slow down. Try again in a minute.',
  GRAPH_UNREACHABLE: 'Try again in a minute. If it keeps failing, the bot cannot reach Microsoft Graph: check its network.',
  GRAPH_UNAUTHORISED: "Passkey Doctor's own sign-in to Microsoft Graph failed: its admin should check the app registration and credential.",
  GRAPH_FAILED: 'Try again in a minute.',
  LICENCE_REQUIRED: 'The registration report reads the audit log, which needs Microsoft Entra ID P1 or P2; diagnoses still work.',
  WORKSPACE_FAILED: "Passkey Doctor's admin checks the Log Analytics workspace and the app's Log Analytics Reader role.",
  CONFIG_INVALID: "Passkey Doctor's configuration needs attention from its admin.",
  INTERNAL: 'Try again; if it happens again, give the reference below to the team that runs Passkey Doctor.',
};

const DEFAULT_HINT = 'Try again in a minute.';

const INPUT_ERRORS = new Set<ErrorCode>(['BAD_UPN', 'USAGE']);

export function noticeView(code: ErrorCode, message: string, reference = ''): NoticeView {
  const isInput = INPUT_ERRORS.has(code) || code === 'NOT_AUTHORISED';
  return {
    title: ERRORS[code].title,
    message,
    hint: HINTS[code] ?? DEFAULT_HINT,
    style: isInput ? 'emphasis' : 'attention',
    color: isInput ? 'Default' : 'Attention',
    reference: code === 'INTERNAL' ? reference : '',
  };
}

/** Anything thrown while handling a turn, as a notice; `reference` ties an unexpected error to its log line. */
export function noticeForError(error: unknown, reference: string): NoticeView {
  if (isPasskeyDoctorError(error) && error.code !== 'INTERNAL') return noticeView(error.code, error.message);
  return noticeView('INTERNAL', 'Something went wrong on our side while working on that.', reference);
}
