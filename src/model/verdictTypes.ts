/**
 * The verdict: the JSON document of docs/contracts.md §3
 * (`schemas/verdict.schema.json`, shipped with the package). Other programs parse it, so
 * fields are only ever added, never renamed.
 */
import type { FindingCode } from './findingCodes';
import type { LayerNumber, Severity } from './layers';

export type { LayerNumber, Severity } from './layers';
export type LayerStatus = 'pass' | 'fail' | 'warn' | 'unknown' | 'needs-info';
export type Owner = 'identity-team' | 'user-session' | 'endpoint';
export type Outcome = 'blocked' | 'at-risk' | 'incomplete' | 'ready' | 'user-not-found';
export type SuggestedAction = 'issue-tap' | 'escalate' | 'add-device-details' | 'rerun' | 'remove-passkey' | 'reauthenticate';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** One or two sentences for a help-desk technician. */
  message: string;
  /** What to do about it. */
  fix?: string;
  evidence?: Record<string, unknown>;
  /** Microsoft Learn links. */
  docs?: string[];
}

export interface LayerResult {
  layer: LayerNumber;
  title: string;
  status: LayerStatus;
  owner: Owner;
  findings: Finding[];
}

export interface RecentFailure {
  time: string;
  activity: string;
  reason: string | null;
  aaGuid?: string | null;
  /** Friendly name of `aaGuid` from the authenticator catalogue. */
  authenticatorName?: string | null;
}

export interface DeviceSummary {
  os: string | null;
  osVersion: string | null;
  browser: string | null;
  path: string | null;
  authenticator?: string | null;
  source: 'given' | 'inferred' | 'mixed' | null;
}

export interface GraphUsage {
  requests: number;
  roundTrips: number;
  ms?: number;
}

/** One fix in the order to do it (docs/contracts.md §3 extension): the first is the next step. */
export interface NextStep {
  layer: LayerNumber;
  code: FindingCode;
  severity: Severity;
  owner: Owner;
  fix: string;
}

export interface Verdict {
  schemaVersion: 1;
  subject: string;
  user: {
    id: string;
    userPrincipalName: string;
    displayName: string | null;
    userType: string | null;
    accountEnabled: boolean | null;
  } | null;
  outcome: Outcome;
  rootCause: { layer: LayerNumber; code: FindingCode; owner: Owner } | null;
  layers: LayerResult[];
  recentFailures: RecentFailure[];
  suggestedActions: SuggestedAction[];
  /** Every fix, root cause first, then later layers' fixes (which say what to do once it is fixed). */
  nextSteps?: NextStep[];
  device?: DeviceSummary | null;
  graph: GraphUsage;
  generatedAt: string;
}
