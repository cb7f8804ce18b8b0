/**
 * Layer 3's Conditional Access gate: enabled policies on the "Register
 * security info" user action that take in this user and require an
 * authentication strength. If none of the strength's combinations can be met
 * by the user's usable methods (or a TAP, where the strength accepts one),
 * the user cannot reach the page that adds a passkey. Report-only policies
 * do not enforce anything and are ignored. Locations, devices and other
 * non-user conditions are not in the facts and are not judged.
 */
import type { VariantOf } from '../../../model/findingWords';
import {
  combinationWords,
  factorFacts,
  judgeStrength,
  usesTap,
  type FactorFacts,
  type StrengthJudgement,
  type TapOptions,
} from './authStrength';
import { policyAppliesTo, type Match } from './caTargeting';
import type { LayerContext } from '../../context';
import { personName } from '../../context';
import type { AuthenticationStrength, ConditionalAccessPolicy, FactGap } from '../../../model/facts';
import { gapFinding, said } from '../../finding';
import { methodLabel } from '../../methods';
import type { Finding } from '../../../model/verdictTypes';
import { listOf } from '../../wording';
import { MFA_BOOTSTRAP_GAPS, NO_GRANT_WORDS, NO_MFA_METHOD_WORDS, TAP_KIND_WORDS } from '../../../model/findingWords/mfaBootstrap';

const REGISTER_SECURITY_INFO = 'urn:user:registersecurityinfo';
const CA_PERMISSION = 'Policy.Read.All';

const withPermission = (gap: FactGap): FactGap =>
  gap.code === 'GRAPH.PERMISSION_MISSING' ? { ...gap, permission: gap.permission ?? CA_PERMISSION } : gap;

const targetsRegistration = (p: ConditionalAccessPolicy): boolean =>
  p.state === 'enabled' && p.userActions.some((a) => a.toLowerCase() === REGISTER_SECURITY_INFO);

const policyEvidence = (policy: ConditionalAccessPolicy, match: Match) => ({
  id: policy.id,
  displayName: policy.displayName,
  matchedBy: match.because,
});
const strengthEvidence = (s: AuthenticationStrength) => ({
  id: s.id,
  displayName: s.displayName,
  allowedCombinations: s.allowedCombinations,
});

function usableWords(ctx: LayerContext, facts: FactorFacts): string {
  const methods = ctx.facts.methods.ok ? ctx.facts.methods.value : [];
  const labels = [...new Set(methods.filter((m) => facts.usableKinds.has(m.kind)).map(methodLabel))];
  return labels.length ? listOf(labels) : NO_MFA_METHOD_WORDS;
}

function unsatisfiable(
  ctx: LayerContext,
  policy: ConditionalAccessPolicy,
  strength: AuthenticationStrength,
  match: Match,
  judged: StrengthJudgement,
  facts: FactorFacts,
): Finding {
  const held = facts.tap.inHand && facts.tap.inHand !== 'unknownKind' ? facts.tap.inHand : null;
  const newTap = judged.withNewTap.length && judged.newTapKind ? judged.newTapKind : null;
  // The way out the strength leaves: a new pass of a kind it accepts, a pass the TAP policy will not give, or none at all.
  const acceptsTap = strength.allowedCombinations.some(usesTap);
  const variant = newTap ? (held ? 'newTapOverHeld' : 'newTap') : acceptsTap ? 'tapNotAllowed' : 'tapNotAccepted';
  const params = {
    name: personName(ctx.user),
    policy: policy.displayName,
    strength: strength.displayName,
    usable: usableWords(ctx, facts),
    accepted: listOf(strength.allowedCombinations.map(combinationWords)),
    tapCombinations: listOf(strength.allowedCombinations.filter(usesTap).map(combinationWords)),
    kind: newTap ? TAP_KIND_WORDS[newTap] : '',
    heldKind: held ? TAP_KIND_WORDS[held] : '',
    combination: judged.withNewTap.length ? combinationWords(judged.withNewTap[0]) : '',
    minutes: ctx.settings.mfaFreshnessMinutes,
  };
  return said('L3.REGISTRATION_CA_UNSATISFIABLE', params, {
    variant,
    evidence: {
      policy: policyEvidence(policy, match),
      strength: strengthEvidence(strength),
      usableMethods: [...facts.usableKinds],
      tapAvailable: facts.tapAvailable,
      tapInHand: facts.tap.inHand,
      ...(judged.withNewTap.length ? { satisfiedByNewTap: judged.withNewTap, newTapKind: judged.newTapKind } : {}),
    },
  });
}

/** `why` names the reason (a variant of the finding's words); `params` fill it in. */
function unknownFinding(
  ctx: LayerContext,
  policy: ConditionalAccessPolicy,
  why: VariantOf<'L3.REGISTRATION_CA_UNKNOWN'>,
  params: Record<string, string>,
  evidence: Record<string, unknown>,
): Finding {
  return said(
    'L3.REGISTRATION_CA_UNKNOWN',
    { name: personName(ctx.user), policy: policy.displayName, ...params },
    { variant: why, evidence: { policy: { id: policy.id, displayName: policy.displayName }, ...evidence } },
  );
}

function judgePolicy(
  ctx: LayerContext,
  policy: ConditionalAccessPolicy,
  match: Match,
  strengths: AuthenticationStrength[],
  facts: FactorFacts,
): Finding {
  const strength = strengths.find((s) => s.id === policy.authenticationStrengthId);
  if (!strength) {
    const strengthId = policy.authenticationStrengthId ?? '';
    return unknownFinding(ctx, policy, 'strengthMissing', { strengthId }, { strengthId: policy.authenticationStrengthId });
  }
  const judged = judgeStrength(strength, facts);
  if (judged.now.length) {
    const combination = combinationWords(judged.now[0]);
    return said(
      'L3.REGISTRATION_CA_APPLIES',
      { name: personName(ctx.user), policy: policy.displayName, strength: strength.displayName, combination },
      {
        variant: 'strength',
        evidence: { policy: policyEvidence(policy, match), strength: strengthEvidence(strength), satisfiedBy: judged.now },
      },
    );
  }
  if (judged.unknown.length) {
    return unknownFinding(
      ctx,
      policy,
      'unconfirmed',
      { strength: strength.displayName, combinations: listOf(judged.unknown.map(combinationWords)) },
      { strength: strengthEvidence(strength), unconfirmed: judged.unknown },
    );
  }
  // Other grant controls may be OR-ed with the strength; the facts do not carry the operator.
  const otherControls = policy.builtInControls.filter((c) => c.toLowerCase() !== 'block');
  if (otherControls.length && !judged.withNewTap.length) {
    return unknownFinding(
      ctx,
      policy,
      'otherControls',
      { strength: strength.displayName, controls: listOf(otherControls) },
      { strength: strengthEvidence(strength), builtInControls: policy.builtInControls },
    );
  }
  return unsatisfiable(ctx, policy, strength, match, judged, facts);
}

/** Called by layer 3 with the method kinds it counts as usable MFA, the pass the user holds and the kinds that could be issued. */
export function evaluateRegistrationCa(ctx: LayerContext, usableMethodKinds: string[], tap: TapOptions): Finding[] {
  const policiesFact = ctx.tenant.registrationConditionalAccess;
  if (!policiesFact) return [];
  if (!policiesFact.ok)
    return [gapFinding(withPermission(policiesFact.failure), MFA_BOOTSTRAP_GAPS.registrationCa)];
  const facts = factorFacts(ctx, usableMethodKinds, tap);
  const findings: Finding[] = [];
  for (const policy of policiesFact.value.filter(targetsRegistration)) {
    const match = policyAppliesTo(ctx, policy);
    if (match.result === 'no') continue;
    if (match.result === 'unknown') {
      findings.push(unknownFinding(ctx, policy, 'undecided', { conditions: listOf(match.because) }, { undecided: match.because }));
      continue;
    }
    if (!policy.authenticationStrengthId) {
      findings.push(
        said(
          'L3.REGISTRATION_CA_APPLIES',
          { name: personName(ctx.user), policy: policy.displayName, controls: listOf(policy.builtInControls) || NO_GRANT_WORDS },
          { variant: 'otherGrant', evidence: { policy: policyEvidence(policy, match), builtInControls: policy.builtInControls } },
        ),
      );
      continue;
    }
    const strengths = ctx.tenant.authenticationStrengths;
    if (!strengths?.ok) {
      findings.push(
        strengths
          ? gapFinding(withPermission(strengths.failure), MFA_BOOTSTRAP_GAPS.strengths)
          : unknownFinding(ctx, policy, 'strengthsNotRead', {}, {}),
      );
      continue;
    }
    findings.push(judgePolicy(ctx, policy, match, strengths.value, facts));
  }
  return findings;
}
