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
import { finding } from '../../finding';
import type { FindingCode } from '../../../model/findingCodes';
import { citation, contradictionEvidence, contradictionText, sourceEvidence, sourceLinks } from '../../matrixCitations';
import { judgePlatform, type IssueKind, type PlatformIssue, type PlatformJudgement } from './platformRules';
import type { Finding } from '../../../model/verdictTypes';
import { listOf, utcText } from '../../wording';

const PATHS_IN_WORDS = 'same device, phone via QR code, security key, Microsoft Authenticator or Windows Hello';
const ADD_DETAILS =
  'Add the device details (CLI: --os, --os-version, --browser, --path, --authenticator; in Teams: the device form) and re-run.';

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
  const os = device.os ? `${osName(device.os)}${device.osVersion ? ` ${device.osVersion}` : ''}` : 'unknown system';
  return device.browser ? `${os}, ${browserName(device.browser)}` : os;
}

const deviceEvidence = (device: ResolvedDevice) => ({
  os: device.os,
  osVersion: device.osVersion,
  browser: device.browser,
  path: device.path,
  source: device.source,
});

function deviceUnknown(ctx: LayerContext): Finding {
  const signIns = ctx.facts.signIns.ok
    ? 'none could be inferred from their sign-ins'
    : 'their sign-in logs could not be read to infer them';
  return finding('L5.DEVICE_UNKNOWN', `No device details were given for ${personName(ctx.user)} and ${signIns}.`, {
    fix: `Add the operating system and version, the browser, and how the user registers (${PATHS_IN_WORDS}), then re-run.`,
  });
}

const FIELD_WORDS = { os: 'operating system', osVersion: 'version', browser: 'browser' } as const;

function deviceInferred(ctx: LayerContext, from: NonNullable<ResolvedDevice['inferredFrom']>): Finding {
  const device = ctx.device;
  // Browsers on Windows 11 still say "Windows NT 10.0".
  const windowsCaveat =
    device.os === 'windows' && device.osVersion === '10.0' && from.fields.includes('osVersion')
      ? ' A sign-in cannot tell Windows 10 from Windows 11, so the version stays 10.0.'
      : '';
  return finding(
    'L5.DEVICE_INFERRED',
    `The ${listOf(from.fields.map((f) => FIELD_WORDS[f]))} (${deviceText(device)}) ${from.fields.length === 1 ? 'comes' : 'come'} from ${personName(ctx.user)}'s latest interactive sign-in (${from.app ?? 'unknown app'}, ${utcText(Date.parse(from.time))}: "${from.operatingSystem ?? ''}", "${from.browser ?? ''}").${windowsCaveat}`,
    {
      fix: "If the passkey is registered on another device, give that device's details instead.",
      evidence: { ...from, resolved: deviceEvidence(device) },
    },
  );
}

function issueMessage(ctx: LayerContext, issue: PlatformIssue, assumed: Provider | null): string {
  const device = ctx.device;
  const assumption = assumed
    ? ` (assuming the passkey goes to ${providerName(assumed)}, where ${device.os ? osName(device.os) : 'this system'} saves passkeys by default)`
    : '';
  if (issue.kind === 'conflicting' && issue.contradiction) {
    return `Microsoft's documentation disagrees on ${issue.contradiction.topic}: ${contradictionText(issue.contradiction)}. Device: ${deviceText(device)}${assumption}.`;
  }
  const why = `${issue.why.replace(/\.$/, '')} (${citation(issue.sources)}).`;
  if (issue.kind === 'too-old')
    return `${why} This device runs ${deviceText(device)}${issue.minimum ? `, below ${issue.minimum}` : ''}${assumption}.`;
  return `${why} Device: ${deviceText(device)}${assumption}.`;
}

function issueFinding(ctx: LayerContext, issue: PlatformIssue, assumed: Provider | null): Finding {
  const fix =
    issue.kind === 'conflicting'
      ? `Microsoft's documentation disagrees on this; try this instead: ${issue.tryInstead ?? 'another registration path'}`
      : (issue.tryInstead ?? undefined);
  // A gate only Microsoft can set: a rule no Microsoft page states warns instead of failing.
  const microsoftSays = issue.sources.some(isMicrosoftSource);
  if (FAILING_ISSUES.has(issue.kind) && !microsoftSays) {
    return finding(
      'L5.UNDOCUMENTED_COMBINATION',
      `Microsoft's pages do not state this; only ${listOf([...new Set(issue.sources.map((id) => matrixSource(id).title))])} ${issue.sources.length === 1 ? 'does' : 'do'}: ${issueMessage(ctx, issue, assumed)}`,
      {
        fix: fix ?? 'Try it; if registration fails, use another registration path.',
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
  return finding(ISSUE_CODES[issue.kind], issueMessage(ctx, issue, assumed), {
    fix,
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
  const transports = cell.transports
    ? `Security keys on ${device.os ? osName(device.os) : 'this system'} work over ${listOf(cell.transports)}.`
    : '';
  const text = [transports, cell.note ?? ''].filter(Boolean).join(' ');
  if (!text) return [];
  return [
    finding('L5.PLATFORM_NOTES', text, {
      evidence: { rule: cell.id, sources: sourceEvidence(cell.sources) },
      docs: sourceLinks(cell.sources),
    }),
  ];
}

function crossDeviceFinding(provider: Provider | null): Finding {
  const prerequisites = crossDevicePrerequisites();
  const phone = provider ? crossDevicePhoneRequirement(provider) : undefined;
  const camera = phone?.contradiction ? ` ${contradiction(phone.contradiction).tryInstead}` : '';
  const phoneText = phone
    ? ` ${phone.requirement}${camera}`
    : " The phone's own minimum depends on where it saves the passkey; give the intended authenticator to check it.";
  const sources = [...prerequisites.sources, ...(phone?.sources ?? [])];
  return finding('L5.CROSS_DEVICE_PREREQS', `${prerequisites.text}${phoneText}`, {
    evidence: { provider, sources: sourceEvidence(sources) },
    docs: sourceLinks(sources),
  });
}

function missingPhrase(ctx: LayerContext, missing: PlatformJudgement['missing'][number], judgement: PlatformJudgement): string {
  const device = ctx.device;
  const os = device.os ? osName(device.os) : 'operating system';
  switch (missing) {
    case 'osVersion':
      if (!device.osVersion) return `the ${os} version`;
      return device.os === 'windows'
        ? `a more precise Windows version than "${device.osVersion}" (10, 11 or a build such as 10.0.22631)`
        : `a more precise ${os} version than "${device.osVersion}"`;
    case 'browser':
      return 'the browser';
    case 'phone':
      return `the phone's operating system and version (${judgement.cell?.why ?? 'the passkey is created on the phone'})`;
    case 'provider': {
      const split = judgement.split;
      if (!split) return 'the passkey provider';
      const fails = split.fails.map(
        ({ provider, issue }) => `${providerName(provider)} (${issue.minimum ? `needs ${issue.minimum}` : issue.why.replace(/\.$/, '')})`,
      );
      return `which passkey provider the user saves to: ${listOf(split.works.map(providerName))} ${split.works.length === 1 ? 'works' : 'work'} on ${deviceText(device)}, but not ${listOf(fails)}`;
    }
  }
}

function deviceIncomplete(ctx: LayerContext, missing: string[], keys: string[], judgement: PlatformJudgement | null): Finding {
  return finding('L5.DEVICE_INCOMPLETE', `The platform check needs ${listOf(missing)}.`, {
    fix: ADD_DETAILS,
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
    finding(
      'L5.UNSUPPORTED_PATH',
      `Google Password Manager passkeys don't work on Samsung phones (${citation(SAMSUNG_SOURCES)}), and the user agent of ${personName(ctx.user)}'s latest sign-in from this phone names a Samsung model.`,
      {
        fix: 'Save the passkey in Microsoft Authenticator (or another provider the passkey profiles accept) instead of Google Password Manager.',
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
  if (!device.path) need('path', `how the user registers (${PATHS_IN_WORDS})`);
  if (!device.os) need('os', 'the operating system');
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
  if (!device.browser && !keys.includes('browser')) need('browser', 'the browser');
  if (device.path === 'cross-device') findings.push(crossDeviceFinding(intendedProvider));
  if (missing.length) findings.push(deviceIncomplete(ctx, missing, keys, judgement));
  return findings;
}
