/**
 * Layer 3's Conditional Access gate: enabled policies on the "Register
 * security info" user action that take in this user and require an
 * authentication strength. If none of the strength's combinations can be met
 * by the user's usable methods (or a TAP, where the strength accepts one),
 * the user cannot reach the page that adds a passkey. Report-only policies
 * do not enforce anything and are ignored. Locations, devices and other
 * non-user conditions are not in the facts and are not judged.
 */
import {
  TAP_KIND_WORDS,
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
import { finding, gapFinding } from '../../finding';
import { methodLabel } from '../../methods';
import type { Finding } from '../../../model/verdictTypes';
import { listOf } from '../../wording';

const REGISTER_SECURITY_INFO = 'urn:user:registersecurityinfo';
const CA_PERMISSION = 'Policy.Read.All';
const CA_BLADE = 'Entra admin center > Protection > Conditional Access';

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
  return labels.length ? listOf(labels) : 'no MFA method';
}

function unsatisfiable(
  ctx: LayerContext,
  policy: ConditionalAccessPolicy,
  strength: AuthenticationStrength,
  match: Match,
  judged: StrengthJudgement,
  facts: FactorFacts,
): Finding {
  const name = personName(ctx.user);
  const accepted = listOf(strength.allowedCombinations.map(combinationWords));
  const head = `Conditional Access policy "${policy.displayName}" requires the authentication strength "${strength.displayName}" to register security info`;
  const acceptsTap = strength.allowedCombinations.some(usesTap);
  let message: string;
  let fix: string;
  if (judged.withNewTap.length && judged.newTapKind) {
    const kind = TAP_KIND_WORDS[judged.newTapKind];
    const held =
      facts.tap.inHand && facts.tap.inHand !== 'unknownKind'
        ? ` ${name}'s current ${TAP_KIND_WORDS[facts.tap.inHand]} pass does not count;`
        : '';
    message = `${head}, and none of ${name}'s usable methods (${usableWords(ctx, facts)}) satisfies it;${held} only a new ${kind} Temporary Access Pass would.`;
    fix = `Issue a new ${kind} Temporary Access Pass (it replaces any pass ${name} holds): "${strength.displayName}" accepts a ${combinationWords(judged.withNewTap[0])}. ${name} signs in with it at Security info and adds the passkey within ${ctx.settings.mfaFreshnessMinutes} minutes.`;
  } else if (acceptsTap) {
    message = `${head}, and neither ${name}'s usable methods (${usableWords(ctx, facts)}) nor a Temporary Access Pass (the TAP policy does not allow ${name} one of the kind it accepts) satisfies it.`;
    fix = `Let ${name} use a Temporary Access Pass (the Temporary Access Pass method must be on with ${name} in scope), then issue one: "${strength.displayName}" accepts ${listOf(strength.allowedCombinations.filter(usesTap).map(combinationWords))}.`;
  } else {
    message = `${head}, which accepts only ${accepted}; ${name} has ${usableWords(ctx, facts)}, and the strength does not accept a Temporary Access Pass.`;
    fix = `The strength needs phishing-resistant MFA ${name} doesn't have yet: exclude ${name} from "${policy.displayName}" while the passkey is registered (${CA_BLADE}), or use a strength on that policy that accepts a one-time Temporary Access Pass, then issue one.`;
  }
  return finding('L3.REGISTRATION_CA_UNSATISFIABLE', message, {
    fix,
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

function unknownFinding(ctx: LayerContext, policy: ConditionalAccessPolicy, why: string, evidence: Record<string, unknown>): Finding {
  return finding(
    'L3.REGISTRATION_CA_UNKNOWN',
    `Could not tell whether Conditional Access policy "${policy.displayName}" on registering security info lets ${personName(ctx.user)} through: ${why}.`,
    {
      fix: `Check "${policy.displayName}" for ${personName(ctx.user)} in ${CA_BLADE} (the What If tool, user action "Register security info").`,
      evidence: { policy: { id: policy.id, displayName: policy.displayName }, ...evidence },
    },
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
  if (!strength)
    return unknownFinding(
      ctx,
      policy,
      `its authentication strength ${policy.authenticationStrengthId} is not among the tenant's strengths`,
      { strengthId: policy.authenticationStrengthId },
    );
  const judged = judgeStrength(strength, facts);
  if (judged.now.length) {
    return finding(
      'L3.REGISTRATION_CA_APPLIES',
      `Conditional Access policy "${policy.displayName}" requires "${strength.displayName}" to register security info; ${personName(ctx.user)} can meet it with ${combinationWords(judged.now[0])}.`,
      {
        evidence: { policy: policyEvidence(policy, match), strength: strengthEvidence(strength), satisfiedBy: judged.now },
      },
    );
  }
  if (judged.unknown.length) {
    return unknownFinding(
      ctx,
      policy,
      `"${strength.displayName}" could be met with ${listOf(judged.unknown.map(combinationWords))}, which the facts cannot confirm for ${personName(ctx.user)}`,
      {
        strength: strengthEvidence(strength),
        unconfirmed: judged.unknown,
      },
    );
  }
  // Other grant controls may be OR-ed with the strength; the facts do not carry the operator.
  const otherControls = policy.builtInControls.filter((c) => c.toLowerCase() !== 'block');
  if (otherControls.length && !judged.withNewTap.length) {
    return unknownFinding(
      ctx,
      policy,
      `none of ${personName(ctx.user)}'s methods meets "${strength.displayName}", but the policy also grants with ${listOf(otherControls)}, which may be enough on its own`,
      {
        strength: strengthEvidence(strength),
        builtInControls: policy.builtInControls,
      },
    );
  }
  return unsatisfiable(ctx, policy, strength, match, judged, facts);
}

/** Called by layer 3 with the method kinds it counts as usable MFA, the pass the user holds and the kinds that could be issued. */
export function evaluateRegistrationCa(ctx: LayerContext, usableMethodKinds: string[], tap: TapOptions): Finding[] {
  const policiesFact = ctx.tenant.registrationConditionalAccess;
  if (!policiesFact) return [];
  if (!policiesFact.ok)
    return [gapFinding(withPermission(policiesFact.failure), 'the Conditional Access policies on registering security info')];
  const facts = factorFacts(ctx, usableMethodKinds, tap);
  const findings: Finding[] = [];
  for (const policy of policiesFact.value.filter(targetsRegistration)) {
    const match = policyAppliesTo(ctx, policy);
    if (match.result === 'no') continue;
    if (match.result === 'unknown') {
      findings.push(unknownFinding(ctx, policy, `whether it applies depends on ${listOf(match.because)}`, { undecided: match.because }));
      continue;
    }
    if (!policy.authenticationStrengthId) {
      findings.push(
        finding(
          'L3.REGISTRATION_CA_APPLIES',
          `Conditional Access policy "${policy.displayName}" applies to registering security info for ${personName(ctx.user)} (grant: ${listOf(policy.builtInControls) || 'none'}); Passkey Doctor judges only authentication strengths, so check its other conditions if registration is refused.`,
          {
            evidence: { policy: policyEvidence(policy, match), builtInControls: policy.builtInControls },
          },
        ),
      );
      continue;
    }
    const strengths = ctx.tenant.authenticationStrengths;
    if (!strengths?.ok) {
      findings.push(
        strengths
          ? gapFinding(withPermission(strengths.failure), 'the authentication strengths')
          : unknownFinding(ctx, policy, 'the authentication strengths were not read', {}),
      );
      continue;
    }
    findings.push(judgePolicy(ctx, policy, match, strengths.value, facts));
  }
  return findings;
}
