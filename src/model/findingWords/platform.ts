/**
 * Layer 5, platform and browser. The matrix's own sentences (why a cell
 * fails, what to try instead, its notes) are data in the platform matrix and
 * arrive as `{why}`, `{tryInstead}`, `{note}`; these are the words around them.
 * A fix of `{tryInstead}` where the matrix has no advice fills in empty: no fix.
 */
import type { WordsOfCodes } from './types';

const PATHS_IN_WORDS = 'same device, phone via QR code, security key, Microsoft Authenticator or Windows Hello';
const ADD_DETAILS =
  'Add the device details (CLI: --os, --os-version, --browser, --path, --authenticator; in Teams: the device form) and re-run.';
const ADD_EVERYTHING = `Add the operating system and version, the browser, and how the user registers (${PATHS_IN_WORDS}), then re-run.`;

/** What a matrix cell or rule says about this device; `{assumption}` and `{below}` are filled from PLATFORM_PHRASES or left empty. */
const ON_DEVICE = '{why} ({citation}). Device: {device}{assumption}.';
const TOO_OLD_DEVICE = '{why} ({citation}). This device runs {device}{below}{assumption}.';
/** A gate no Microsoft page states: only the named sources do, so it warns instead of failing. */
const ONLY_SOURCE = "Microsoft's pages do not state this; only {titles} does: ";
const ONLY_SOURCES = "Microsoft's pages do not state this; only {titles} do: ";

export const PLATFORM_WORDS = {
  'L5.DEVICE_UNKNOWN': {
    default: { message: 'No device details were given for {name} and none could be inferred from their sign-ins.', fix: ADD_EVERYTHING },
    signInsUnread: {
      message: 'No device details were given for {name} and their sign-in logs could not be read to infer them.',
      fix: ADD_EVERYTHING,
    },
  },
  'L5.DEVICE_INFERRED': {
    one: {
      message:
        "The {fields} ({device}) comes from {name}'s latest interactive sign-in " +
        '({app}, {time}: "{signInOs}", "{signInBrowser}").{caveat}',
      fix: "If the passkey is registered on another device, give that device's details instead.",
    },
    many: {
      message:
        "The {fields} ({device}) come from {name}'s latest interactive sign-in " +
        '({app}, {time}: "{signInOs}", "{signInBrowser}").{caveat}',
      fix: "If the passkey is registered on another device, give that device's details instead.",
    },
  },
  'L5.UNSUPPORTED_BROWSER': {
    default: { message: ON_DEVICE, fix: '{tryInstead}' },
  },
  'L5.UNSUPPORTED_PATH': {
    default: { message: ON_DEVICE, fix: '{tryInstead}' },
    samsung: {
      message:
        "Google Password Manager passkeys don't work on Samsung phones ({citation}), " +
        "and the user agent of {name}'s latest sign-in from this phone names a Samsung model.",
      fix: 'Save the passkey in Microsoft Authenticator (or another provider the passkey profiles accept) instead of Google Password Manager.',
    },
  },
  'L5.OS_TOO_OLD': {
    default: { message: TOO_OLD_DEVICE, fix: '{tryInstead}' },
  },
  'L5.DOCS_CONFLICT': {
    default: { message: ON_DEVICE, fix: "Microsoft's documentation disagrees on this; try this instead: {tryInstead}" },
    quoted: {
      message: "Microsoft's documentation disagrees on {topic}: {statements}. Device: {device}{assumption}.",
      fix: "Microsoft's documentation disagrees on this; try this instead: {tryInstead}",
    },
  },
  'L5.UNDOCUMENTED_COMBINATION': {
    default: { message: ON_DEVICE, fix: '{tryInstead}' },
    onlyOneSource: { message: ONLY_SOURCE + ON_DEVICE, fix: '{tryInstead}' },
    onlySources: { message: ONLY_SOURCES + ON_DEVICE, fix: '{tryInstead}' },
    onlyOneSourceTooOld: { message: ONLY_SOURCE + TOO_OLD_DEVICE, fix: '{tryInstead}' },
    onlySourcesTooOld: { message: ONLY_SOURCES + TOO_OLD_DEVICE, fix: '{tryInstead}' },
  },
  'L5.CROSS_DEVICE_PREREQS': {
    default: { message: '{prerequisites} {requirement}' },
    camera: { message: '{prerequisites} {requirement} {camera}' },
    phoneUnknown: {
      message: "{prerequisites} The phone's own minimum depends on where it saves the passkey; give the intended authenticator to check it.",
    },
  },
  'L5.DEVICE_INCOMPLETE': {
    default: { message: 'The platform check needs {missing}.', fix: ADD_DETAILS },
  },
  'L5.PLATFORM_NOTES': {
    default: { message: '{note}' },
    transports: { message: 'Security keys on {os} work over {transports}.' },
    transportsAndNote: { message: 'Security keys on {os} work over {transports}. {note}' },
  },
} as const satisfies WordsOfCodes;

/** Clauses and fallbacks a rule picks by condition and passes as a parameter's value. */
export const PLATFORM_PHRASES = {
  unknownSystem: 'unknown system',
  thisSystem: 'this system',
  unknownApp: 'unknown app',
  fields: { os: 'operating system', osVersion: 'version', browser: 'browser' },
  windowsVersionCaveat: ' A sign-in cannot tell Windows 10 from Windows 11, so the version stays 10.0.',
  assumedProvider: ' (assuming the passkey goes to {provider}, where {os} saves passkeys by default)',
  below: ', below {minimum}',
  anotherPath: 'another registration path',
  tryIt: 'Try it; if registration fails, use another registration path.',
} as const;

/** What the platform check still needs, each a phrase for "The platform check needs …". */
export const PLATFORM_NEEDS = {
  path: `how the user registers (${PATHS_IN_WORDS})`,
  os: 'the operating system',
  browser: 'the browser',
  osVersion: 'the {os} version',
  anyOs: 'operating system',
  windowsVersion: 'a more precise Windows version than "{version}" (10, 11 or a build such as 10.0.22631)',
  preciseVersion: 'a more precise {os} version than "{version}"',
  phone: "the phone's operating system and version ({why})",
  phoneWhy: 'the passkey is created on the phone',
  provider: 'the passkey provider',
  providerSplitOne: 'which passkey provider the user saves to: {works} works on {device}, but not {fails}',
  providerSplitMany: 'which passkey provider the user saves to: {works} work on {device}, but not {fails}',
  providerNeeds: '{provider} (needs {minimum})',
  providerFails: '{provider} ({why})',
} as const;

/** Why the matrix judgement flags a browser or a path where the matrix itself has no sentence for it. */
export const PLATFORM_REASONS = {
  docsDisagree: "Microsoft's documentation disagrees about {topic}.",
  browserNotListed: "Microsoft's documentation doesn't list {browser} for this on {os}.",
  browserUnavailable: "{browser} isn't available on {os}. {why}",
  checkBrowser: 'Check which browser the user actually uses.',
  noCell: 'The platform matrix has no entry for this path on {system}.',
} as const;

/** How a finding cites the platform matrix's sources in prose. */
export const CITATION_PHRASES = {
  matrix: 'platform matrix',
  learn: 'Microsoft Learn',
  dated: '{where}, {date}',
  statement: '{citation}: "{says}"',
  contradiction: '{first}, but {last}',
} as const;
