/**
 * Layer 6: can the hardware that will hold the passkey hold it? A security
 * key may need its PIN set first and must be attestation-eligible where
 * attestation is enforced; Microsoft Authenticator on Android needs secure
 * hardware, and no phone that is rooted or jailbroken can hold it. Never
 * passes without knowing what will hold the passkey.
 */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../../catalog/authenticators';
import { browserName, hardwareFacts, osName, securityKeyNeedsPin, type Fact } from '../../../catalog/platformMatrix';
import { userPasskeyProfiles } from '../../applicableProfiles';
import type { LayerContext } from '../../context';
import { personName } from '../../context';
import { said } from '../../finding';
import { fillIn } from '../../../model/words';
import { HARDWARE_GAPS, HARDWARE_NEEDS } from '../../../model/findingWords/hardware';
import { citation, sourceEvidence, sourceLinks } from '../../matrixCitations';
import { passkeyHolder, type PasskeyHolder } from '../../passkeyHolder';
import { describeProfile } from '../../passkeyProfileRules';
import type { Finding } from '../../../model/verdictTypes';
import { listOf } from '../../wording';

/** The layer's findings so far and the details it still needs. */
interface Judgement {
  findings: Finding[];
  needs: string[];
}

const factFinding = (code: 'L6.ANDROID_SECURE_HARDWARE' | 'L6.ROOTED_OR_JAILBROKEN', fact: Fact): Finding =>
  said(
    code,
    { fact: fact.text.replace(/\.$/, ''), citation: citation(fact.sources) },
    { evidence: { sources: sourceEvidence(fact.sources) }, docs: sourceLinks(fact.sources) },
  );

function pinFinding(ctx: LayerContext, j: Judgement): void {
  const { os, browser } = ctx.device;
  if (!os) {
    j.needs.push(HARDWARE_NEEDS.os);
    return;
  }
  const { needed, cell } = securityKeyNeedsPin(os, browser);
  if (needed === null) {
    j.needs.push(fillIn(HARDWARE_NEEDS.browser, { os: osName(os) }));
    return;
  }
  if (!needed || !cell) return;
  j.findings.push(
    said(
      'L6.KEY_NEEDS_PIN',
      { os: osName(os), browser: browser ? browserName(browser) : '', citation: citation(cell.sources) },
      {
        // A cell that is not PIN-first needs the PIN only in some browsers, so `needed` is known only once the browser is.
        variant: cell.pinFirst || !browser ? 'os' : 'browser',
        evidence: { rule: cell.id, os, browser, sources: sourceEvidence(cell.sources) },
        docs: sourceLinks(cell.sources),
      },
    ),
  );
}

function attestationFinding(ctx: LayerContext, holder: PasskeyHolder, j: Judgement): void {
  const applicable = userPasskeyProfiles(ctx, HARDWARE_GAPS.attestation);
  if (!applicable.ok) {
    j.findings.push(applicable.failure);
    return;
  }
  const { profiles } = applicable.value;
  if (!profiles.every((p) => p.attestationEnforcement === 'registrationOnly')) return;
  const enforcing = { name: personName(ctx.user), profiles: listOf(profiles.map(describeProfile)) };
  const key = holder.authenticator;
  if (!key) {
    j.needs.push(
      holder.aaGuid
        ? fillIn(HARDWARE_NEEDS.unknownKeyModel, { ...enforcing, aaGuid: holder.aaGuid })
        : fillIn(HARDWARE_NEEDS.keyModel, enforcing),
    );
    return;
  }
  if (key.attestationInEntra) return;
  j.findings.push(
    said(
      'L6.KEY_NOT_ATTESTATION_ELIGIBLE',
      { ...enforcing, authenticator: key.name },
      {
        evidence: {
          authenticator: { aaGuid: holder.aaGuid, name: key.name, attestationInEntra: key.attestationInEntra },
          profiles: profiles.map((p) => ({ id: p.id, name: p.name, attestationEnforcement: p.attestationEnforcement })),
        },
      },
    ),
  );
}

function authenticatorPhone(ctx: LayerContext, holder: PasskeyHolder): 'ios' | 'android' | null {
  if (holder.aaGuid === MICROSOFT_AUTHENTICATOR_AAGUIDS.android) return 'android';
  if (holder.aaGuid === MICROSOFT_AUTHENTICATOR_AAGUIDS.ios) return 'ios';
  const os = ctx.device.os;
  if (os === 'ios' || os === 'ipados') return 'ios';
  return os === 'android' ? 'android' : null;
}

function authenticatorFindings(ctx: LayerContext, holder: PasskeyHolder, j: Judgement): void {
  const { androidSecureHardware, rootedDevices } = hardwareFacts();
  const phone = authenticatorPhone(ctx, holder);
  if (phone === 'android') {
    j.findings.push(factFinding('L6.ANDROID_SECURE_HARDWARE', androidSecureHardware));
  }
  // The iPhone keeps the key in the Secure Enclave: nothing to check there.
  if (!phone) j.needs.push(HARDWARE_NEEDS.phone);
  j.findings.push(factFinding('L6.ROOTED_OR_JAILBROKEN', rootedDevices));
}

/** When nothing says what will hold the passkey: is there a hardware gate that could apply? */
function unknownHolderNeed(ctx: LayerContext, holder: PasskeyHolder): string | null {
  const { path, os } = ctx.device;
  if (holder.aaGuid) return fillIn(HARDWARE_NEEDS.unknownAaguid, { aaGuid: holder.aaGuid });
  if (path === 'same-device' && os && os !== 'android') return null;
  if (path === 'same-device') return HARDWARE_NEEDS.provider;
  if (path === 'cross-device') return HARDWARE_NEEDS.phoneSavesTo;
  return HARDWARE_NEEDS.holder;
}

export function evaluateHardware(ctx: LayerContext): Finding[] {
  const holder = passkeyHolder(ctx);
  const j: Judgement = { findings: [], needs: [] };
  if (holder.provider === 'security-key') {
    pinFinding(ctx, j);
    attestationFinding(ctx, holder, j);
  } else if (holder.provider === 'microsoft-authenticator') {
    authenticatorFindings(ctx, holder, j);
  } else if (holder.provider === null) {
    const need = unknownHolderNeed(ctx, holder);
    if (need) j.needs.push(need);
  }
  if (j.needs.length) {
    j.findings.push(
      said(
        'L6.NEEDS_AUTHENTICATOR',
        { needs: listOf(j.needs) },
        { evidence: { holder: { provider: holder.provider, aaGuid: holder.aaGuid, name: holder.authenticator?.name ?? null } } },
      ),
    );
  }
  return j.findings;
}
