/** The help card's content: commands, the device options with their allowed values, and examples. */
import { BROWSERS, OPERATING_SYSTEMS, PATHS } from '../model/vocabulary';

export interface HelpView {
  example: string;
  commands: Array<{ usage: string; description: string }>;
  /** What the verdict card's action buttons do. */
  buttons: Array<{ name: string; description: string }>;
  options: Array<{ name: string; values: string }>;
  examples: Array<{ text: string }>;
  note: string;
}

export interface HelpOptions {
  /** A user to suggest in the examples; the sandbox tenant names one of its demo users. */
  exampleUpn?: string;
  /** A line under the examples, e.g. that the bot is running on the sandbox tenant. */
  note?: string;
}

export function helpView(options: HelpOptions = {}): HelpView {
  const upn = options.exampleUpn ?? 'alice@contoso.com';
  return {
    example: upn,
    commands: [
      { usage: 'diagnose <upn>', description: 'Why this user cannot register a passkey, who owns the fix, and the fix.' },
      { usage: 'policy check', description: "The tenant's passkey design judged against the runbook: profiles, TAP and Conditional Access together." },
      { usage: 'sweep <group>', description: 'Before a rollout: who in this group can register a passkey today, who is blocked and why; with a CSV of everyone.' },
      { usage: 'audit <upn>', description: 'The last 20 things done about this user: diagnoses, TAP requests and approvals, escalations, passkey removals.' },
      { usage: 'route identity here', description: "In the identity team's channel (mention me first): post their escalations there. Same for route endpoint here." },
      { usage: 'route approvals here', description: 'In the approvers’ channel (mention me first): TAP and passkey-removal requests made in personal chats wait there.' },
      { usage: 'report [days]', description: 'Passkey registration failures of the last 7 (or 1–30) days: per day, by cause, by authenticator, and who to reach out to.' },
      { usage: 'route digest here', description: 'In the help desk’s channel (mention me first): the weekly registration digest is posted there (DIGEST_SCHEDULE).' },
      { usage: 'help', description: 'This card.' },
    ],
    buttons: [
      { name: 'Request TAP', description: 'Asks for a Temporary Access Pass; a member of the TAP approvers group (not the requester) approves, and only that approver sees the pass, once.' },
      { name: 'Escalate', description: "Posts the verdict and its evidence to the owning team's channel." },
      { name: 'Remove passkey', description: 'Lists the user’s passkeys; removing one (and optionally signing them out everywhere) needs an approver.' },
    ],
    options: [
      { name: 'os=', values: OPERATING_SYSTEMS.join(' | ') },
      { name: 'version=', values: 'the OS version, e.g. 17.2, 14 or 11' },
      { name: 'browser=', values: BROWSERS.join(' | ') },
      { name: 'path=', values: PATHS.join(' | ') },
      { name: 'authenticator=', values: 'a catalogue id (authenticator-ios, windows-hello, yubikey-5-nfc, …) or an AAGUID' },
    ],
    examples: [{ text: `diagnose ${upn}` }, { text: `diagnose ${upn} os=ios version=17.2 browser=safari path=authenticator-app` }],
    note: options.note ?? '',
  };
}
