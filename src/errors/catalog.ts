/**
 * Errors with stable codes. Anything a person or a script sees as a failure
 * comes from here: the code is stable (and so is its exit code), the sentence
 * says what happened and how to fix it.
 *
 * In the manner of the Microsoft 365 Agents SDK's error definitions (a code,
 * a description with `{param}` placeholders, filled when the error is made):
 * each code holds its exit code, a title and its messages, one per way the
 * code is met (`variant`). A call site names the code, the variant and the
 * parameters; the sentence lives here, so a writer edits words in one place
 * and the type checker refuses a call that leaves a placeholder unfilled.
 */
import type { FactGap } from '../model/facts';
import { fill, type TemplateParams } from './words';

const SEE_HELP = 'see passkey-doctor help';
const REPORT_HOW = 'run "passkey-doctor report [--days N] [--json | --csv]" with N from {min} to {max}';
// A sweep's group read that Graph would not answer: the same sentence under whichever code the gap maps to (ERROR_OF_GAP).
const GROUP_READ = { group: 'Could not read the group: {reason}', groupMembers: "Could not read the group's members: {reason}" } as const;

export const ERRORS = {
  CONFIG_INVALID: {
    exitCode: 2,
    title: 'Configuration is invalid',
    messages: {
      variable: '{variable} {problem}.',
      credentialIncomplete: '{variable} is required with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH.',
      storageConnectionMissing: 'AZURE_STORAGE_CONNECTION_STRING is required with STATE_STORE=blob-conn:<container>.',
      graphBaseUrlNotLoopback:
        'GRAPH_BASE_URL points at a non-loopback host but no Azure credentials are set; ' +
        'set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or use a loopback URL.',
      sandboxWithTenant:
        'SANDBOX is on but a Graph tenant or emulator is configured; unset SANDBOX to use it, ' +
        'or unset the Azure credentials and GRAPH_BASE_URL to serve the built-in sandbox tenant.',
      botWithoutCredential:
        'BOT_ID is set but no Graph credential is: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or a managed identity), ' +
        'or set SANDBOX=on to serve the built-in demo tenant to Teams on purpose.',
      singleTenantBot: 'BOT_TYPE SingleTenant needs BOT_ID, BOT_PASSWORD and BOT_TENANT_ID.',
      managedIdentityBot: 'BOT_TYPE UserAssignedMsi needs BOT_ID and BOT_TENANT_ID.',
      workspaceWithoutCredential:
        'LOG_ANALYTICS_WORKSPACE_ID needs an Azure credential (AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or a managed identity) ' +
        'to query the workspace.',
      noCredential: 'No Azure credential is configured for tenant mode.',
      botType: 'BOT_TYPE must be SingleTenant or UserAssignedMsi when BOT_ID is set.',
      portInUse: 'port {port} is in use — stop the other one or set PORT (e.g. PORT={nextPort} npm start)',
      playgroundPortInUse: 'port {port} (the Agents Playground) is in use — stop the other one, or set PORT or PLAYGROUND_PORT',
      operatorsGroupMissing:
        'OPERATORS_GROUP_ID is required for the bot when a tenant is configured: ' +
        'set it to the object id of the Entra group whose members may use Passkey Doctor.',
      digestMissing: 'The registration digest is not set up in this bot.',
    },
  },
  USAGE: {
    exitCode: 2,
    title: 'Bad command or option',
    messages: {
      noCommand: `no command given; ${SEE_HELP}.`,
      unknownCommand: `unknown command "{name}"; run "passkey-doctor diagnose <upn>" or ${SEE_HELP}.`,
      diagnoseOptions: `{problems}; ${SEE_HELP}.`,
      policyCheckCommand: `did you mean "passkey-doctor policy check [--json]"? ${SEE_HELP}.`,
      policyCheckOptions: `{problem}; "policy check" takes only --json; ${SEE_HELP}.`,
      sweepOptions: `{problem}; ${SEE_HELP}.`,
      sweepNoGroup: `sweep needs a group: its object id or its display name; ${SEE_HELP}.`,
      sweepFormats: `choose one of --json and --csv; ${SEE_HELP}.`,
      reportDays: 'the number of days must be a whole number from {min} to {max}, got "{got}".',
      reportOptions: `{problem}; ${REPORT_HOW}.`,
      reportFormats: `--json and --csv cannot be used together; ${REPORT_HOW}.`,
      reportCsvFromWorkspace:
        '--csv lists each failed attempt, which the Log Analytics report does not fetch (it counts in the workspace); ' +
        'use --json, or query AuditLogs in the workspace.',
      deviceOptions: '{problems}.',
      notDeviceOption:
        '"{token}" is not a device option; use os=, version=, browser=, path=, authenticator= or device=, ' +
        'e.g. diagnose alice@contoso.com os=ios version=17.2.',
      formFieldNotText: '{field} must be text.',
      auditCommand: 'Type audit followed by one user principal name, e.g. audit alice@contoso.com.',
      routeCommand: "Type {choices} in the channel where that team's escalations should go.",
      routeInPersonalChat:
        'Type "route {owner} here" in the {owner} team\'s channel, mentioning Passkey Doctor: escalations cannot go to a personal chat.',
      approvalsRouteCommand:
        'Type "route approvals here" in the channel where TAP and passkey-removal requests should wait for an approver.',
      approvalsRouteInPersonalChat:
        'Type "route approvals here" in the approvers’ channel, mentioning Passkey Doctor: approvers cannot see a personal chat.',
      digestRouteInPersonalChat:
        'Type "route digest here" in the help desk\'s channel, mentioning Passkey Doctor: the weekly digest is for a team, not a personal chat.',
      reportCommand: 'Type "report" for the last 7 days, or "report 14" for another number of days (1 to 30).',
      sweepCommand: 'Name the group to sweep: "sweep <group id or group name>", for example "sweep Finance".',
      sweepGroupTooLong: "A group name is at most {max} characters on one line; give the group's name or object id.",
      sweepUnavailable: 'Sweeps are not available in this bot.',
      actingAsCommand: 'Type {choices} to choose who you are in this sandbox conversation.',
    },
  },
  BAD_UPN: {
    exitCode: 2,
    title: 'Not a user principal name',
    messages: {
      missing: 'Give the user principal name to diagnose, e.g. diagnose alice@contoso.com.',
      malformed: '"{upn}" is not a user principal name; type it like alice@contoso.com.',
      // The CLI's one line of problems when the user principal name is the only one.
      diagnoseOptions: `{problems}; ${SEE_HELP}.`,
    },
  },
  BAD_GROUP: {
    exitCode: 2,
    title: 'No such group',
    messages: {
      missing: 'No group given; name a group by its object id or its display name.',
      noSuchId: 'No group with id {id} exists in this tenant; check the id in the Entra admin center (Groups > All groups).',
      noSuchName: 'No group is named "{name}"; check the spelling or give the group\'s object id.',
      ambiguous: '{count} groups are named "{name}" ({ids}); give the object id of the one you mean.',
      gone: 'No group with id {id} exists in this tenant.',
    },
  },
  GRAPH_UNREACHABLE: {
    exitCode: 3,
    title: 'Microsoft Graph is unreachable',
    messages: {
      host: 'Could not reach Microsoft Graph at {host}.',
      report: 'Microsoft Graph did not answer {request}; try again later.',
    },
  },
  GRAPH_UNAUTHORISED: {
    exitCode: 3,
    title: 'Microsoft Graph refused the credentials',
    messages: {
      noToken: 'Could not get a Microsoft Graph token for {host}: check AZURE_TENANT_ID, AZURE_CLIENT_ID and the secret or certificate.',
      tokenRejected: 'Microsoft Graph at {host} rejected the token (401): check the app registration and its tenant.',
    },
  },
  GRAPH_FORBIDDEN: {
    exitCode: 3,
    title: 'A Microsoft Graph permission is missing',
    messages: {
      report: 'Microsoft Graph refused {request} ({answer}): grant the AuditLog.Read.All application permission.',
      ...GROUP_READ,
      user: 'Microsoft Graph refused to read the user.',
      userPermission: 'Microsoft Graph refused to read the user: Passkey Doctor needs the {permission} application permission.',
    },
  },
  GRAPH_THROTTLED: {
    exitCode: 3,
    title: 'Microsoft Graph is throttling requests',
    messages: {
      report: 'Microsoft Graph kept throttling {request} after retries; try again in a minute.',
      user: 'Microsoft Graph is throttling requests, so the user could not be read.',
      ...GROUP_READ,
    },
  },
  GRAPH_FAILED: {
    exitCode: 3,
    title: 'Microsoft Graph request failed',
    messages: {
      report: 'Microsoft Graph answered {answer} to {request} after retries.',
      reportTooLong:
        'The window holds more than {maxPages} pages of registration audit events: too many to read through Graph; ' +
        'set LOG_ANALYTICS_WORKSPACE_ID to run the report in Log Analytics, or use fewer --days.',
      membership: 'Could not check group membership (Graph answered {status}).',
      ...GROUP_READ,
      user: 'Microsoft Graph did not return the user.',
      userReason: 'Microsoft Graph did not return the user: {reason}',
    },
  },
  LICENCE_REQUIRED: {
    exitCode: 3,
    title: 'The tenant lacks the licence this read needs',
    messages: {
      report:
        'The registration report needs Microsoft Entra ID P1 or P2: the tenant\'s audit logs answered "no premium licence". ' +
        'Add the licence, or route the logs to Log Analytics.',
      ...GROUP_READ,
    },
  },
  WORKSPACE_FAILED: {
    exitCode: 3,
    title: 'The Log Analytics query failed',
    messages: {
      refused: 'Log Analytics refused the query ({answer}): give the app the Log Analytics Reader role on workspace {workspaceId}.',
      noWorkspace: 'Log Analytics has no workspace {workspaceId}: check LOG_ANALYTICS_WORKSPACE_ID (the workspace ID, a GUID, not its name).',
      noAuditLogs:
        'Workspace {workspaceId} has no AuditLogs table: ' +
        'route Microsoft Entra audit logs to it with a diagnostic setting (README, "Weekly digest").',
      // `{answer}` is the status and code Azure Monitor gave, each in brackets, or nothing.
      failed: 'The Log Analytics query failed{answer}; try again later.',
      partial: 'Log Analytics answered only part of the report ({reason}): try fewer --days, or again later.',
    },
  },
  NOT_AUTHORISED: {
    exitCode: 1,
    title: 'Not allowed',
    messages: {
      actingAs:
        'Typing "as approver" or "as operator" works only on the built-in sandbox tenant; here you act as the person Teams signed in. ' +
        'Ask a member of the TAP approvers group to approve.',
    },
  },
  STORE_CONFLICT: {
    exitCode: 1,
    title: 'The state store kept changing during an update',
    messages: {
      eTag: 'Storage: error writing "{key}" due to eTag conflict.',
      update: 'Could not update {key}: it kept changing. Try again.',
      auditTrail: 'Could not append to the audit trail of {upn}: it kept changing. Try again.',
      outcome: 'Could not record the outcome of {requestId}: the request kept changing.',
    },
  },
  STORE_CORRUPT: {
    exitCode: 1,
    title: 'A stored record is unreadable',
    messages: {
      damaged: 'A record this needs is damaged in the state store, so nothing was done. An administrator must restore or remove it (see the log).',
    },
  },
  SANDBOX_INVALID: {
    exitCode: 2,
    title: 'The sandbox tenant is misconfigured',
    messages: {
      latency: "SANDBOX_LATENCY_MS must be a number of milliseconds ≥ 0, got '{value}'.",
      licence: "SANDBOX_LICENCE must be 'P1' or 'free', got '{value}'.",
      reportsQuota: "SANDBOX_REPORTS_QUOTA must be requests/seconds such as 5/10, or off, got '{value}'.",
      fixture: 'Invalid sandbox fixture: {problems}',
      noUser: 'Sandbox fixture has no user {upn}.',
      noGroup: 'Sandbox fixture has no group {name}.',
      unknownGroup: "Sandbox fixture: {where} names an unknown group '{reference}'.",
      unknownUser: "Sandbox fixture: {where} names an unknown user '{reference}'.",
    },
  },
  PLAYGROUND_FAILED: {
    exitCode: 1,
    title: 'The Agents Playground did not start',
    messages: {
      exited: 'the Agents Playground exited during start-up (exit code {exitCode})',
      silent: 'the Agents Playground did not answer at {url} within {seconds} s',
      failed: '{problem}; see {logFile}',
    },
  },
  CANCELLED: {
    exitCode: 1,
    title: 'Stopped by the operator',
    messages: {
      sweep: 'The sweep was cancelled.',
    },
  },
  INTERNAL: {
    exitCode: 1,
    title: 'Unexpected error',
    messages: {
      matrixSource: 'platform matrix: unknown source {id}',
      matrixContradiction: 'platform matrix: unknown contradiction {id}',
      findingWords: 'No words for finding {code} ({variant}).',
      transition: "A {kind} request cannot go from '{state}' on '{event}'.",
      noETag:
        'The state store returned an item without an eTag; it cannot guard against double actions. ' +
        'Use file:, blob: or blob-conn: in STATE_STORE.',
      lostWrite: 'The state store lost {key} right after writing it.',
      benchNoCard: 'no card was posted for {upn}',
    },
  },
} as const;

/**
 * A read the diagnosis could not make (a FactGap, finding code GRAPH.*) as
 * the error a person or a script gets when that read was the whole job: the
 * one place the two vocabularies meet.
 */
export const ERROR_OF_GAP = {
  'GRAPH.PERMISSION_MISSING': 'GRAPH_FORBIDDEN',
  'GRAPH.LICENCE_MISSING': 'LICENCE_REQUIRED',
  'GRAPH.THROTTLED': 'GRAPH_THROTTLED',
  'GRAPH.UNAVAILABLE': 'GRAPH_FAILED',
} as const satisfies Record<FactGap['code'], keyof typeof ERRORS>;

type Catalogue = typeof ERRORS;

export type ErrorCode = keyof Catalogue;

/** The ways a code is met. For a union of codes, the variants they share. */
export type ErrorVariant<C extends ErrorCode> = keyof Catalogue[C]['messages'] & string;

/** What a variant's sentence needs: one value per placeholder, no more, no fewer. */
export type ErrorParams<C extends ErrorCode, V extends ErrorVariant<C>> = TemplateParams<Catalogue[C]['messages'][V] & string>;

interface ErrorExtras {
  /** Structured, secret-free details (e.g. the permission or host). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** Parameters may be left out only when the sentence has none. */
type ParamsAndExtras<P> = [keyof P] extends [never] ? [params?: P, extras?: ErrorExtras] : [params: P, extras?: ErrorExtras];

/** The sentence of `code`'s `variant`, filled in. */
export function errorMessage<C extends ErrorCode, V extends ErrorVariant<C>>(code: C, variant: V, params: ErrorParams<C, V>): string {
  const messages: Record<string, string> = ERRORS[code].messages;
  return fill<string>(messages[variant], params);
}

export class PasskeyDoctorError<C extends ErrorCode = ErrorCode, V extends ErrorVariant<C> = ErrorVariant<C>> extends Error {
  readonly code: C;
  /** Which of the code's messages this is. */
  readonly variant: string;
  /** Structured, secret-free details (e.g. the permission or host). */
  readonly details: Record<string, unknown>;

  constructor(code: C, variant: V, ...[params, extras = {}]: ParamsAndExtras<ErrorParams<C, V>>) {
    const message = errorMessage(code, variant, params ?? ({} as ErrorParams<C, V>));
    super(message, extras.cause === undefined ? undefined : { cause: extras.cause });
    this.name = 'PasskeyDoctorError';
    this.code = code;
    this.variant = variant;
    this.details = extras.details ?? {};
  }

  get exitCode(): number {
    return ERRORS[this.code].exitCode;
  }
}

export const isPasskeyDoctorError = (e: unknown): e is PasskeyDoctorError => e instanceof PasskeyDoctorError;
