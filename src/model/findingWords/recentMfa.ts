/**
 * Layer 4, recent MFA: how fresh the user's last MFA is, and how their latest
 * visit to My Sign-ins ended. `{signInAgain}` is one of SIGN_IN_AGAIN, picked
 * by how the user gets through MFA (layer 3's bootstrap path).
 */
import { DOCS } from '../findingCodes';
import type { FindingText, WordsOfCodes } from './types';
import { CA_BLADE, SECURITY_INFO } from './places';

const LATEST = "{name}'s latest sign-in to My Sign-ins ({when})";
const ENTRA_ASKS = 'Entra asks for MFA within the last {window} minutes before a passkey can be added.';

const blockedByCa = (which: string): FindingText => ({
  message:
    `${LATEST} was blocked by ${which}: error {errorCode} ({errorName}), {meaning}. ` +
    '{name} cannot reach Security info to add a passkey until it lets them through.',
  fix:
    `Check ${which} for {name} (${CA_BLADE}, What If with the My Sign-ins app or the "Register security info" user action) ` +
    "and adjust it or {name}'s device or location; then re-run.",
});

export const RECENT_MFA_WORDS = {
  'L4.MFA_RECENT': {
    default: {
      message: '{name} completed MFA {ago} ago ({method}, {time}), within the {window}-minute window for adding a passkey.',
    },
  },
  'L4.MFA_STALE': {
    default: { message: `{name}'s last MFA was {ago} ago ({method}, {time}); ${ENTRA_ASKS}`, fix: '{signInAgain}' },
    never: { message: `{name} has not completed MFA in any sign-in of the last {lookback} days; ${ENTRA_ASKS}`, fix: '{signInAgain}' },
  },
  'L4.NO_RECENT_SIGNIN': {
    default: { message: '{name} has no interactive sign-in in the last {lookback} days.', fix: '{signInAgain}' },
  },
  'L4.SIGNIN_BLOCKED_BY_CA': {
    default: blockedByCa('Conditional Access policy {policies}'),
    unnamed: blockedByCa('a Conditional Access policy (the sign-in log entry names it)'),
  },
  'L4.PROOF_UP_BLOCKED_BY_RISK': {
    default: {
      message:
        `${LATEST} failed with error {errorCode} ({errorName}): {meaning}. ` +
        'Entra refuses to let a risky sign-in register security info.',
      fix:
        "Investigate and remediate {name}'s risk in ID Protection (Risky users / Risky sign-ins: confirm safe or reset the password), " +
        `then have {name} sign in again at ${SECURITY_INFO}.`,
    },
  },
  'L4.SIGNIN_INTERRUPTED': {
    default: { message: `${LATEST} stopped at a prompt, not a failure: error {errorCode} ({errorName}), {meaning}.` },
  },
  'L4.SIGNIN_ERROR_UNRECOGNISED': {
    default: {
      message:
        `${LATEST} ended with error {errorCode}, which is not in Passkey Doctor's table from Microsoft's sign-in error reference ` +
        '(unrecognised code {errorCode}); it is not counted as a failure.',
      fix:
        `Look the code up at ${DOCS.signInErrorCodes} or https://login.microsoftonline.com/error?code={errorCode} ` +
        'if registration still fails.',
    },
  },
  'L4.RECENT_SIGNIN_FAILED': {
    default: {
      message: `${LATEST} failed with error {errorCode} ({errorName}): {meaning}.`,
      fix: `Resolve error {errorCode} first (the sign-in log entry has the details), then have {name} sign in again at ${SECURITY_INFO}.`,
    },
  },
  'L4.SIGNIN_LOGS_UNAVAILABLE': {
    licence: {
      message: "Sign-in logs need Microsoft Entra ID P1 or P2, which this tenant lacks, so {name}'s recent MFA cannot be checked.",
      fix: '{signInAgain} (Passkey Doctor cannot see whether MFA is fresh here.)',
    },
    permission: {
      message:
        'Passkey Doctor lacks the Microsoft Graph permission {permission} to read sign-in logs, ' +
        "so {name}'s recent MFA cannot be checked.",
      fix: 'Grant the {permission} application permission (admin consent), then re-run.',
    },
  },
  'L4.GUEST_SIGNINS_IN_HOME_TENANT': {
    default: {
      message: '{name} is an external guest: their sign-ins and MFA are logged in their home tenant, so recent MFA cannot be checked here.',
    },
  },
} as const satisfies WordsOfCodes;

const WITH_MFA = `Ask {name} to sign out, sign back in with MFA at ${SECURITY_INFO}, then add the passkey within {window} minutes.`;

/**
 * How to get a fresh MFA, by layer 3's bootstrap path: with what the user has,
 * or after layer 3's fix — never "sign in with MFA" to someone who has none.
 * When the path is unknown, the user is taken to have an MFA method.
 */
export const SIGN_IN_AGAIN = {
  'mfa-method': WITH_MFA,
  unknown: WITH_MFA,
  'tap-in-hand':
    `Ask {name} to sign in at ${SECURITY_INFO} with the Temporary Access Pass (their only way through MFA), ` +
    'then register the passkey within {window} minutes.',
  'tap-to-issue':
    `After the Temporary Access Pass is issued (layer 3), {name} signs in with the pass at ${SECURITY_INFO} ` +
    'and registers the passkey within {window} minutes.',
  none:
    `After layer 3 is fixed ({name} has no way through MFA yet), {name} signs in at ${SECURITY_INFO} ` +
    'and registers the passkey within {window} minutes.',
} as const;

/** What layer 4 could not read, for the gap finding's "Could not check …". */
export const RECENT_MFA_GAPS = { signIns: "{name}'s sign-in logs" } as const;

/** The meaning recorded for a sign-in error code the reference table does not have. */
export const UNRECOGNISED_SIGN_IN_ERROR = 'unrecognised code {errorCode}';
