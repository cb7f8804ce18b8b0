/**
 * Layer 5: can this device, in this browser, register a passkey the way the
 * user is trying to? Judged against the platform matrix; it passes only when
 * the operating system, browser and path are all known.
 */
import { providerOf } from '../../../catalog/passkeyProviders';
import {
  isMicrosoftSource,
  matrixSource,
  browserName,
  crossDevicePhoneRequirement,
  crossDevicePrerequisites,
  contradiction,
  osName,
  providerName,
  sameDeviceDefaultSources,
  type MatrixCell,
  type Provider,
} from '../../../catalog/platformMatrix';
import type { LayerContext } from '../../context';
import { personName } from '../../context';
import type { ResolvedDevice } from '../../device';
import { said } from '../../finding';
import type { FindingCode } from '../../../model/findingCodes';
import { type FindingParams } from '../../../model/findingWords';
import { fillIn } from '../../../model/words';
import { PLATFORM_NEEDS, PLATFORM_PHRASES } from '../../../model/findingWords/platform';
import { citation, contradictionEvidence, contradictionText, sourceEvidence, sourceLinks } from '../../matrixCitations';
import { judgePlatform, type IssueKind, type PlatformIssue, type PlatformJudgement } from './platformRules';
import type { Finding } from '../../../model/verdictTypes';
import { listOf, utcText } from '../../wording';

/** Notes for a combination that cannot work would only distract. */
const FAILING_ISSUES: ReadonlySet<IssueKind> = new Set(['unsupported-browser', 'unsupported-path', 'too-old']);

const ISSUE_CODES: Record<IssueKind, FindingCode> = {
  'unsupported-browser': 'L5.UNSUPPORTED_BROWSER',
  'unsupported-path': 'L5.UNSUPPORTED_PATH',
  'too-old': 'L5.OS_TOO_OLD',
  conflicting: 'L5.DOCS_CONFLICT',
  undocumented: 'L5.UNDOCUMENTED_COMBINATION',
};

function deviceText(device: ResolvedDevice): string {
  const os = device.os ? `${osName(device.os)}${device.osVersion ? ` ${device.osVersion}` : ''}` : PLATFORM_PHRASES.unknownSystem;
  return device.browser ? `${os}, ${browserName(device.browser)}` : os;
}

const deviceEvidence = (device: ResolvedDevice) => ({
  os: device.os,
  osVersion: device.osVersion,
  browser: device.browser,
  path: device.path,
  source: device.source,
});

const osOrThisSystem = (device: ResolvedDevice): string => (device.os ? osName(device.os) : PLATFORM_PHRASES.thisSystem);

function deviceUnknown(ctx: LayerContext): Finding {
  return said('L5.DEVICE_UNKNOWN', { name: personName(ctx.user) }, { variant: ctx.facts.signIns.ok ? 'default' : 'signInsUnread' });
}

function deviceInferred(ctx: LayerContext, from: NonNullable<ResolvedDevice['inferredFrom']>): Finding {
  const device = ctx.device;
  // Browsers on Windows 11 still say "Windows NT 10.0".
  const windows10or11 = device.os === 'windows' && device.osVersion === '10.0' && from.fields.includes('osVersion');
  const params = {
    fields: listOf(from.fields.map((f) => PLATFORM_PHRASES.fields[f])),
    device: deviceText(device),
    name: personName(ctx.user),
    app: from.app ?? PLATFORM_PHRASES.unknownApp,
    time: utcText(Date.parse(from.time)),
    signInOs: from.operatingSystem ?? '',
    signInBrowser: from.browser ?? '',
    caveat: windows10or11 ? PLATFORM_PHRASES.windowsVersionCaveat : '',
  };
  return said('L5.DEVICE_INFERRED', params, {
    variant: from.fields.length === 1 ? 'one' : 'many',
    evidence: { ...from, resolved: deviceEvidence(device) },
  });
}

/** What every reading of an issue may say: the matrix's reason and advice, the device, and the provider assumed for it. */
function issueParams(ctx: LayerContext, issue: PlatformIssue, assumed: Provider | null): FindingParams {
  const device = ctx.device;
  const tryInstead = issue.tryInstead ?? (issue.kind === 'conflicting' ? PLATFORM_PHRASES.anotherPath : '');
  return {
    why: issue.why.replace(/\.$/, ''),
    citation: citation(issue.sources),
    device: deviceText(device),
    assumption: assumed ? fillIn(PLATFORM_PHRASES.assumedProvider, { provider: providerName(assumed), os: osOrThisSystem(device) }) : '',
    below: issue.minimum ? fillIn(PLATFORM_PHRASES.below, { minimum: issue.minimum }) : '',
    ...(issue.contradiction ? { topic: issue.contradiction.topic, statements: contradictionText(issue.contradiction) } : {}),
    tryInstead,
  };
}

function issueFinding(ctx: LayerContext, issue: PlatformIssue, assumed: Provider | null): Finding {
  const params = issueParams(ctx, issue, assumed);
  // A gate only Microsoft can set: a rule no Microsoft page states warns instead of failing.
  const microsoftSays = issue.sources.some(isMicrosoftSource);
  if (FAILING_ISSUES.has(issue.kind) && !microsoftSays) {
    const oneSource = issue.sources.length === 1;
    const tooOld = issue.kind === 'too-old';
    const variant = oneSource ? (tooOld ? 'onlyOneSourceTooOld' : 'onlyOneSource') : tooOld ? 'onlySourcesTooOld' : 'onlySources';
    return said(
      'L5.UNDOCUMENTED_COMBINATION',
      {
        ...params,
        titles: listOf([...new Set(issue.sources.map((id) => matrixSource(id).title))]),
        tryInstead: issue.tryInstead ?? PLATFORM_PHRASES.tryIt,
      },
      {
        variant,
        evidence: {
          rule: issue.ruleId,
          device: deviceEvidence(ctx.device),
          wouldBe: ISSUE_CODES[issue.kind],
          microsoftSource: false,
          sources: sourceEvidence(issue.sources),
        },
        docs: sourceLinks(issue.sources),
      },
    );
  }
  return said(ISSUE_CODES[issue.kind], params, {
    variant: issue.kind === 'conflicting' && issue.contradiction ? 'quoted' : 'default',
    evidence: {
      rule: issue.ruleId,
      device: deviceEvidence(ctx.device),
      ...(ctx.intended || assumed ? { provider: assumed ?? providerOf(ctx.intended?.aaGuid), providerAssumed: !!assumed } : {}),
      ...(assumed ? { defaultProviderSources: sourceEvidence(sameDeviceDefaultSources()) } : {}),
      ...(issue.minimum ? { minimum: issue.minimum } : {}),
      ...(issue.contradiction ? { contradiction: contradictionEvidence(issue.contradiction) } : {}),
      sources: sourceEvidence(issue.sources),
    },
    docs: sourceLinks(issue.sources),
  });
}

function notesFinding(cell: MatrixCell, device: ResolvedDevice): Finding[] {
  if (!cell.transports && !cell.note) return [];
  const variant = !cell.transports ? 'default' : cell.note ? 'transportsAndNote' : 'transports';
  const params = { os: osOrThisSystem(device), transports: listOf(cell.transports ?? []), note: cell.note ?? '' };
  return [
    said('L5.PLATFORM_NOTES', params, {
      variant,
      evidence: { rule: cell.id, sources: sourceEvidence(cell.sources) },
      docs: sourceLinks(cell.sources),
    }),
  ];
}

function crossDeviceFinding(provider: Provider | null): Finding {
  const prerequisites = crossDevicePrerequisites();
  const phone = provider ? crossDevicePhoneRequirement(provider) : undefined;
  const camera = phone?.contradiction ? contradiction(phone.contradiction).tryInstead : null;
  const sources = [...prerequisites.sources, ...(phone?.sources ?? [])];
  const params = { prerequisites: prerequisites.text, requirement: phone?.requirement ?? '', camera: camera ?? '' };
  return said('L5.CROSS_DEVICE_PREREQS', params, {
    variant: !phone ? 'phoneUnknown' : camera ? 'camera' : 'default',
    evidence: { provider, sources: sourceEvidence(sources) },
    docs: sourceLinks(sources),
  });
}

function missingPhrase(ctx: LayerContext, missing: PlatformJudgement['missing'][number], judgement: PlatformJudgement): string {
  const device = ctx.device;
  const os = device.os ? osName(device.os) : PLATFORM_NEEDS.anyOs;
  switch (missing) {
    case 'osVersion':
      if (!device.osVersion) return fillIn(PLATFORM_NEEDS.osVersion, { os });
      return fillIn(device.os === 'windows' ? PLATFORM_NEEDS.windowsVersion : PLATFORM_NEEDS.preciseVersion, { os, version: device.osVersion });
    case 'browser':
      return PLATFORM_NEEDS.browser;
    case 'phone':
      return fillIn(PLATFORM_NEEDS.phone, { why: judgement.cell?.why ?? PLATFORM_NEEDS.phoneWhy });
    case 'provider': {
      const split = judgement.split;
      if (!split) return PLATFORM_NEEDS.provider;
      const fails = split.fails.map(({ provider, issue }) =>
        issue.minimum
          ? fillIn(PLATFORM_NEEDS.providerNeeds, { provider: providerName(provider), minimum: issue.minimum })
          : fillIn(PLATFORM_NEEDS.providerFails, { provider: providerName(provider), why: issue.why.replace(/\.$/, '') }),
      );
      return fillIn(split.works.length === 1 ? PLATFORM_NEEDS.providerSplitOne : PLATFORM_NEEDS.providerSplitMany, {
        works: listOf(split.works.map(providerName)),
        device: deviceText(device),
        fails: listOf(fails),
      });
    }
  }
}

function deviceIncomplete(ctx: LayerContext, missing: string[], keys: string[], judgement: PlatformJudgement | null): Finding {
  return said('L5.DEVICE_INCOMPLETE', { missing: listOf(missing) }, {
    evidence: {
      missing: keys,
      device: deviceEvidence(ctx.device),
      ...(judgement?.split
        ? {
            providers: {
              work: judgement.split.works,
              fail: judgement.split.fails.map((f) => ({ provider: f.provider, rule: f.issue.ruleId })),
            },
          }
        : {}),
    },
  });
}

const SAMSUNG_SOURCES = ['S4'];

/**
 * "Google Password Manager passkeys don't work on Samsung phones" (how-to-synced-passkeys): a gate, not a note,
 * once the sign-in shows a Samsung model; without that evidence the cell's note says it.
 */
function samsungFinding(ctx: LayerContext, provider: Provider | null): Finding[] {
  if (ctx.device.os !== 'android' || ctx.device.manufacturer !== 'samsung' || provider !== 'google-password-manager') return [];
  return [
    said(
      'L5.UNSUPPORTED_PATH',
      { citation: citation(SAMSUNG_SOURCES), name: personName(ctx.user) },
      {
        variant: 'samsung',
        evidence: {
          rule: 'same-device/google-password-manager/android/samsung',
          device: deviceEvidence(ctx.device),
          manufacturer: 'samsung',
          provider,
          sources: sourceEvidence(SAMSUNG_SOURCES),
        },
        docs: sourceLinks(SAMSUNG_SOURCES),
      },
    ),
  ];
}

export function evaluatePlatform(ctx: LayerContext): Finding[] {
  const device = ctx.device;
  if (!device.os && !device.osVersion && !device.browser && !device.path) return [deviceUnknown(ctx)];
  const findings: Finding[] = device.inferredFrom ? [deviceInferred(ctx, device.inferredFrom)] : [];
  const intendedProvider = providerOf(ctx.intended?.aaGuid);
  const missing: string[] = [];
  const keys: string[] = [];
  const need = (key: string, phrase: string) => {
    keys.push(key);
    missing.push(phrase);
  };
  if (!device.path) need('path', PLATFORM_NEEDS.path);
  if (!device.os) need('os', PLATFORM_NEEDS.os);
  let judgement: PlatformJudgement | null = null;
  if (device.os && device.path) {
    judgement = judgePlatform({
      os: device.os,
      osVersion: device.osVersion,
      browser: device.browser,
      path: device.path,
      provider: intendedProvider,
    });
    const assumed = !intendedProvider && judgement.provider ? judgement.provider : null;
    findings.push(...judgement.issues.map((issue) => issueFinding(ctx, issue, assumed)));
    const samsung = samsungFinding(ctx, intendedProvider ?? judgement.provider);
    findings.push(...samsung);
    if (judgement.cell && !samsung.length && !judgement.issues.some((i) => FAILING_ISSUES.has(i.kind)))
      findings.push(...notesFinding(judgement.cell, device));
    for (const m of judgement.missing) need(m, missingPhrase(ctx, m, judgement));
  }
  // Contracts §5: layer 5 passes only when the browser is known too, even where the cell does not depend on it.
  if (!device.browser && !keys.includes('browser')) need('browser', PLATFORM_NEEDS.browser);
  if (device.path === 'cross-device') findings.push(crossDeviceFinding(intendedProvider));
  if (missing.length) findings.push(deviceIncomplete(ctx, missing, keys, judgement));
  return findings;
}
