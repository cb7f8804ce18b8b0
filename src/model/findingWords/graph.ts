/**
 * The cross-layer findings: a fact Microsoft Graph could not give (the layer
 * becomes `unknown`), a layer not judged because an earlier fact is missing,
 * and a user who does not exist. `{what}` and `{why}` are the phrases the
 * asking rule passes; `{reason}` is Graph's own.
 */
import type { WordsOfCodes } from './types';

const COULD_NOT_CHECK = 'Could not check {what}: {reason}';

export const GRAPH_WORDS = {
  'GRAPH.PERMISSION_MISSING': {
    default: {
      message: COULD_NOT_CHECK,
      fix: 'Grant the named Microsoft Graph application permission to Passkey Doctor (admin consent), then re-run.',
    },
  },
  'GRAPH.LICENCE_MISSING': {
    default: {
      message: COULD_NOT_CHECK,
      fix: 'This needs Microsoft Entra ID P1 or P2; check this layer by hand in the Entra admin center.',
    },
  },
  'GRAPH.THROTTLED': {
    default: { message: COULD_NOT_CHECK, fix: 'Microsoft Graph is throttling the tenant; re-run in a minute.' },
  },
  'GRAPH.UNAVAILABLE': {
    default: { message: COULD_NOT_CHECK, fix: 'Microsoft Graph did not answer; re-run in a minute.' },
  },
  'GRAPH.USER_NOT_FOUND': {
    default: {
      message: 'No user {subject} exists in this tenant.',
      fix: 'Check the spelling; guests are listed under their #EXT# user principal name.',
    },
  },
  'GRAPH.NOT_EVALUATED': {
    default: { message: 'Not evaluated: {why}' },
  },
} as const satisfies WordsOfCodes;

/** The `what` and `why` phrases of the verdict's own gaps, for a user Graph could not read. */
export const GRAPH_PHRASES = {
  userObject: 'the user object',
  userUnreadable: 'the user could not be read.',
} as const;
