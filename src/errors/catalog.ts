/**
 * Errors with stable codes. Anything a person or a script sees as a failure
 * comes from here: the code is stable, the sentence says what and how to fix.
 */
export const ERRORS = {
  CONFIG_INVALID: { exitCode: 2, title: 'Configuration is invalid' },
  USAGE: { exitCode: 2, title: 'Bad command or option' },
  BAD_UPN: { exitCode: 2, title: 'Not a user principal name' },
  BAD_GROUP: { exitCode: 2, title: 'No such group' },
  GRAPH_UNREACHABLE: { exitCode: 3, title: 'Microsoft Graph is unreachable' },
  GRAPH_UNAUTHORISED: { exitCode: 3, title: 'Microsoft Graph refused the credentials' },
  GRAPH_FORBIDDEN: { exitCode: 3, title: 'A Microsoft Graph permission is missing' },
  GRAPH_THROTTLED: { exitCode: 3, title: 'Microsoft Graph is throttling requests' },
  GRAPH_FAILED: { exitCode: 3, title: 'Microsoft Graph request failed' },
  LICENCE_REQUIRED: { exitCode: 3, title: 'The tenant lacks the licence this read needs' },
  WORKSPACE_FAILED: { exitCode: 3, title: 'The Log Analytics query failed' },
  NOT_AUTHORISED: { exitCode: 1, title: 'Not allowed' },
  STORE_CONFLICT: { exitCode: 1, title: 'The state store kept changing during an update' },
  STORE_CORRUPT: { exitCode: 1, title: 'A stored record is unreadable' },
  SANDBOX_INVALID: { exitCode: 2, title: 'The sandbox tenant is misconfigured' },
  PLAYGROUND_FAILED: { exitCode: 1, title: 'The Agents Playground did not start' },
  CANCELLED: { exitCode: 1, title: 'Stopped by the operator' },
  INTERNAL: { exitCode: 1, title: 'Unexpected error' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class PasskeyDoctorError extends Error {
  readonly code: ErrorCode;
  /** Structured, secret-free details (e.g. the permission or host). */
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PasskeyDoctorError';
    this.code = code;
    this.details = details;
  }

  get exitCode(): number {
    return ERRORS[this.code].exitCode;
  }
}

export const isPasskeyDoctorError = (e: unknown): e is PasskeyDoctorError => e instanceof PasskeyDoctorError;
