/**
 * Can the user satisfy an authentication strength? Each allowed combination
 * (`fido2`, `password,sms`, `temporaryAccessPassOneTime`, …) is a set of
 * factors; a combination is satisfied when the user has every factor. A
 * factor the facts cannot show per user (a certificate) is `unknown`.
 */
import type { Tri } from './caTargeting';
import type { LayerContext } from '../../context';
import type { AuthenticationStrength } from '../../../model/facts';
import { isEnabledFor } from '../../scope';
import { FACTOR_WORDS } from '../../../model/findingWords/mfaBootstrap';

export type TapKind = 'oneTime' | 'multiUse';

/** The pass the user holds (usable, with its kind when Graph says) and the kinds the help desk could issue. */
export interface TapOptions {
  inHand: TapKind | 'unknownKind' | null;
  issuable: TapKind[];
}

export interface FactorFacts {
  /** Method kinds layer 3 counts as usable MFA (registered and allowed by policy). */
  usableKinds: ReadonlySet<string>;
  /** Every registered method kind, usable or not. */
  registeredKinds: ReadonlySet<string>;
  /** A TAP could be used: the user has a usable one or the help desk could issue one. */
  tapAvailable: boolean;
  tap: TapOptions;
  methodEnabled: (configurationId: string) => boolean;
  /** The device the user registers on runs Windows (`unknown` when not known). */
  onWindows: Tri;
}

export function factorFacts(ctx: LayerContext, usableKinds: string[], tap: TapOptions): FactorFacts {
  const methods = ctx.facts.methods.ok ? ctx.facts.methods.value : [];
  const policy = ctx.policy.ok ? ctx.policy.value : null;
  const legacy = !policy || policy.policyMigrationState !== 'migrationComplete';
  const membership = ctx.membership.ok ? ctx.membership.value : null;
  const os = ctx.device.os;
  return {
    usableKinds: new Set(usableKinds),
    registeredKinds: new Set(methods.map((m) => m.kind)),
    tapAvailable: tap.inHand !== null || tap.issuable.length > 0,
    tap,
    // Before migration the legacy MFA settings decide, as layer 3 assumes.
    methodEnabled: (id) =>
      legacy ||
      (!!membership && !!policy?.methodConfigurations.some((c) => c.id.toLowerCase() === id.toLowerCase() && isEnabledFor(c, membership))),
    onWindows: os === null ? 'unknown' : os === 'windows' ? 'yes' : 'no',
  };
}

const yesNo = (value: boolean): Tri => (value ? 'yes' : 'no');

/** Graph's authenticationMethodModes, one factor each. */
const FACTORS: Record<string, (f: FactorFacts) => Tri> = {
  password: (f) => yesNo(f.registeredKinds.has('password')),
  microsoftAuthenticatorPush: (f) => yesNo(f.usableKinds.has('microsoftAuthenticator')),
  deviceBasedPush: (f) => yesNo(f.registeredKinds.has('passwordlessMicrosoftAuthenticator') && f.methodEnabled('MicrosoftAuthenticator')),
  sms: (f) => yesNo(f.usableKinds.has('phone') && f.methodEnabled('Sms')),
  voice: (f) => yesNo(f.usableKinds.has('phone') && f.methodEnabled('Voice')),
  softwareOath: (f) => yesNo(f.usableKinds.has('softwareOath')),
  hardwareOath: (f) => yesNo(f.usableKinds.has('hardwareOath')),
  fido2: (f) => yesNo(f.usableKinds.has('fido2')),
  // Windows Hello for Business only works on the PC that holds it.
  windowsHelloForBusiness: (f) => (f.usableKinds.has('windowsHelloForBusiness') ? f.onWindows : 'no'),
  // Certificates have no per-user method object: enabled for the user is as far as the facts go.
  x509CertificateMultiFactor: (f) => (f.methodEnabled('X509Certificate') ? 'unknown' : 'no'),
  x509CertificateSingleFactor: (f) => (f.methodEnabled('X509Certificate') ? 'unknown' : 'no'),
  // A one-time strength is not met by a multi-use pass, nor the reverse (a pass in hand of unknown kind: cannot tell).
  temporaryAccessPassOneTime: (f) => (f.tap.inHand === 'unknownKind' ? 'unknown' : yesNo(f.tap.inHand === 'oneTime')),
  temporaryAccessPassMultiUse: (f) => (f.tap.inHand === 'unknownKind' ? 'unknown' : yesNo(f.tap.inHand === 'multiUse')),
  qrCodePin: (f) => yesNo(f.registeredKinds.has('qrCodePin')),
  // Accounts in a federated domain could bring MFA from their identity provider; the facts do not say which are.
  federatedMultiFactor: () => 'no',
  federatedSingleFactor: () => 'no',
  email: () => 'no',
};

const TAP_FACTORS = new Set(['temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse']);

const factorsOf = (combination: string): string[] =>
  combination
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

function combinationSatisfied(combination: string, facts: FactorFacts): Tri {
  const results = factorsOf(combination).map((factor) => FACTORS[factor]?.(facts) ?? 'unknown');
  if (results.includes('no')) return 'no';
  return results.every((r) => r === 'yes') ? 'yes' : 'unknown';
}

export const usesTap = (combination: string): boolean => factorsOf(combination).some((f) => TAP_FACTORS.has(f));

export interface StrengthJudgement {
  /** Satisfied by what the user has now (a TAP only if they hold one of the right kind). */
  now: string[];
  /** Satisfied only once the help desk issues a new pass. */
  withNewTap: string[];
  /** The kind of new pass that satisfies `withNewTap`'s first combination. */
  newTapKind: TapKind | null;
  /** Might be satisfied; the facts cannot tell. */
  unknown: string[];
}

export function judgeStrength(strength: AuthenticationStrength, facts: FactorFacts): StrengthJudgement {
  const judged = strength.allowedCombinations.map((combination) => ({ combination, result: combinationSatisfied(combination, facts) }));
  const now = judged.filter((j) => j.result === 'yes').map((j) => j.combination);
  // A new pass replaces the one in hand: try each kind the policy lets the help desk issue.
  const withKind = facts.tap.issuable.map((kind) => ({ kind, facts: { ...facts, tap: { ...facts.tap, inHand: kind } } }));
  const withNewTap: Array<{ combination: string; kind: TapKind }> = [];
  for (const { combination, result } of judged) {
    if (result === 'yes' || !usesTap(combination)) continue;
    const match = withKind.find((k) => combinationSatisfied(combination, k.facts) === 'yes');
    if (match) withNewTap.push({ combination, kind: match.kind });
  }
  const byNewTap = new Set(withNewTap.map((w) => w.combination));
  return {
    now,
    withNewTap: withNewTap.map((w) => w.combination),
    newTapKind: withNewTap[0]?.kind ?? null,
    unknown: judged.filter((j) => j.result === 'unknown' && !byNewTap.has(j.combination)).map((j) => j.combination),
  };
}

/** `password + SMS` */
export const combinationWords = (combination: string): string =>
  factorsOf(combination)
    .map((f) => FACTOR_WORDS[f] ?? f)
    .join(' + ');
