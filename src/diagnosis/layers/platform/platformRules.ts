/**
 * Judges one device against the platform matrix: which cell applies to its
 * path, provider, operating system and version, and what that cell says
 * about its browser. The layer turns the judgement into findings.
 */
import { parseOsVersion } from '../../../catalog/osVersion';
import {
  SAME_DEVICE_PROVIDERS,
  browserAvailability,
  browserAvailable,
  browserEntryOf,
  browserName,
  cellsFor,
  chooseCell,
  contradiction,
  minimumLabel,
  osName,
  sameDeviceDefault,
  type Contradiction,
  type MatrixCell,
  type Provider,
} from '../../../catalog/platformMatrix';
import type { Browser, OperatingSystem, RegistrationPath } from '../../../model/facts';
import { fillIn } from '../../../model/words';
import { PLATFORM_REASONS } from '../../../model/findingWords/platform';

export type IssueKind = 'unsupported-browser' | 'unsupported-path' | 'too-old' | 'conflicting' | 'undocumented';

export interface PlatformIssue {
  kind: IssueKind;
  /** The matrix cell (or rule) that decided it. */
  ruleId: string;
  why: string;
  tryInstead: string | null;
  contradiction: Contradiction | null;
  /** For `too-old`: e.g. "iOS 17". */
  minimum: string | null;
  sources: string[];
}

/** What the judgement could not do without: the OS version, the browser, the phone (Authenticator from a computer), or the provider. */
export type MissingDetail = 'osVersion' | 'browser' | 'phone' | 'provider';

export interface PlatformJudgement {
  /** The provider the cell belongs to; null when the path has no provider rows or the provider was unknown. */
  provider: Provider | null;
  issues: PlatformIssue[];
  missing: MissingDetail[];
  cell: MatrixCell | null;
  /** Same-device with an unknown provider where the possible providers disagree. */
  split: { works: Provider[]; fails: Array<{ provider: Provider; issue: PlatformIssue }> } | null;
}

export interface DeviceQuery {
  os: OperatingSystem;
  osVersion: string | null;
  browser: Browser | null;
  path: RegistrationPath;
  /** The provider of the intended authenticator, when known. */
  provider: Provider | null;
}

const judgement = (provider: Provider | null, parts: Partial<PlatformJudgement> = {}): PlatformJudgement => ({
  provider,
  issues: [],
  missing: [],
  cell: null,
  split: null,
  ...parts,
});

function cellIssue(cell: MatrixCell, kind: IssueKind, os: OperatingSystem): PlatformIssue {
  const conflict = cell.contradiction ? contradiction(cell.contradiction) : null;
  return {
    kind,
    ruleId: cell.id,
    why: cell.why ?? conflict?.topic ?? cell.id,
    tryInstead: cell.tryInstead ?? conflict?.tryInstead ?? null,
    contradiction: conflict,
    minimum: kind === 'too-old' ? minimumLabel(cell, os) : null,
    sources: cell.sources,
  };
}

const CELL_ISSUES: Partial<Record<MatrixCell['support'], IssueKind>> = {
  unsupported: 'unsupported-path',
  'too-old': 'too-old',
  conflicting: 'conflicting',
  undocumented: 'undocumented',
};
const BROWSER_ISSUES: Record<string, IssueKind | undefined> = {
  unsupported: 'unsupported-browser',
  conflicting: 'conflicting',
  undocumented: 'undocumented',
};

function browserIssue(cell: MatrixCell, q: DeviceQuery, browser: Browser): PlatformIssue | null {
  const entry = browserEntryOf(cell, browser);
  const kind = BROWSER_ISSUES[entry.support];
  if (!kind) return null;
  const conflict = entry.contradiction ? contradiction(entry.contradiction) : null;
  return {
    kind,
    ruleId: `${cell.id}/${browser}`,
    why:
      entry.why ??
      (conflict
        ? fillIn(PLATFORM_REASONS.docsDisagree, { topic: conflict.topic })
        : fillIn(PLATFORM_REASONS.browserNotListed, { browser: browserName(browser), os: osName(q.os) })),
    tryInstead: entry.tryInstead ?? conflict?.tryInstead ?? null,
    contradiction: conflict,
    minimum: null,
    sources: cell.sources,
  };
}

/** A security key or a Windows Hello passkey follows its own path's rows whichever path was named. */
function rowsFor(path: RegistrationPath, provider: Provider | null): { path: RegistrationPath; provider: Provider | null } {
  if (path !== 'same-device') return { path, provider: null };
  if (provider === 'security-key' || provider === 'windows-hello') return { path: provider, provider: null };
  return { path, provider };
}

function judgeRows(q: DeviceQuery, provider: Provider | null): PlatformJudgement {
  const rows = rowsFor(q.path, provider);
  const issues: PlatformIssue[] = [];
  const browserMissing = !!q.browser && !browserAvailable(q.browser, q.os);
  if (q.browser && browserMissing) {
    const rule = browserAvailability();
    issues.push({
      kind: 'unsupported-browser',
      ruleId: 'browser-availability',
      why: fillIn(PLATFORM_REASONS.browserUnavailable, { browser: browserName(q.browser), os: osName(q.os), why: rule.why }),
      tryInstead: PLATFORM_REASONS.checkBrowser,
      contradiction: null,
      minimum: null,
      sources: rule.sources,
    });
  }
  const range = q.osVersion ? parseOsVersion(q.os, q.osVersion) : null;
  const choice = chooseCell(cellsFor(rows.path, rows.provider, q.os), range);
  if (choice.kind === 'needs-version') return judgement(provider, { issues, missing: ['osVersion'] });
  if (choice.kind === 'none') {
    issues.push({
      kind: 'undocumented',
      ruleId: 'no-cell',
      why: fillIn(PLATFORM_REASONS.noCell, { system: `${osName(q.os)}${q.osVersion ? ` ${q.osVersion}` : ''}` }),
      tryInstead: null,
      contradiction: null,
      minimum: null,
      sources: ['S1'],
    });
    return judgement(provider, { issues });
  }
  const { cell } = choice;
  const missing: MissingDetail[] = [];
  const cellKind = CELL_ISSUES[cell.support];
  if (cellKind) issues.push(cellIssue(cell, cellKind, q.os));
  if (cell.support === 'on-phone') missing.push('phone');
  const browserMatters = cell.browsers && cell.browsers !== 'any' && (cell.support === 'supported' || cell.support === 'conflicting' || cell.support === 'undocumented');
  if (browserMatters && !browserMissing) {
    if (!q.browser) missing.push('browser');
    else {
      const issue = browserIssue(cell, q, q.browser);
      if (issue) issues.push(issue);
    }
  }
  return judgement(provider, { issues, missing, cell });
}

const unreachable = (j: PlatformJudgement): boolean => j.issues.some((i) => i.kind === 'unsupported-path' || i.kind === 'unsupported-browser');

/**
 * Same device, provider unknown: every provider the device could save to is
 * judged. Providers this device or browser cannot reach at all are not
 * candidates; if the rest agree, that is the answer, else the provider is needed.
 */
function judgeCandidates(q: DeviceQuery): PlatformJudgement {
  const judged = SAME_DEVICE_PROVIDERS.map((p) => judgeRows(q, p));
  const preferred = sameDeviceDefault(q.os);
  const pick = (from: PlatformJudgement[]) => from.find((j) => j.provider === preferred) ?? from[0];
  const reachable = judged.filter((j) => !unreachable(j));
  if (reachable.length === 0) return pick(judged);
  const missing = [...new Set(reachable.flatMap((j) => j.missing))];
  if (missing.length) return judgement(null, { missing });
  const clean = reachable.filter((j) => j.issues.length === 0);
  if (clean.length === reachable.length) return judgement(null);
  if (clean.length === 0) return pick(reachable);
  return judgement(null, {
    missing: ['provider'],
    split: {
      works: clean.map((j) => j.provider as Provider),
      fails: reachable.filter((j) => j.issues.length).map((j) => ({ provider: j.provider as Provider, issue: j.issues[0] })),
    },
  });
}

export function judgePlatform(q: DeviceQuery): PlatformJudgement {
  return q.path === 'same-device' && q.provider === null ? judgeCandidates(q) : judgeRows(q, q.provider);
}
