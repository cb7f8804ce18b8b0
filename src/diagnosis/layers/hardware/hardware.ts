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
import { finding } from '../../finding';
import { citation, sourceEvidence, sourceLinks } from '../../matrixCitations';
import { passkeyHolder, type PasskeyHolder } from '../../passkeyHolder';
import { describeProfile } from '../../passkeyProfileRules';
import type { Finding } from '../../../model/verdictTypes';
import { listOf } from '../../wording';

const SET_PIN = 'Set a PIN on the key first (on Windows: Settings > Accounts > Sign-in options > Security key > Manage; or the vendor\'s app, e.g. Yubico Authenticator), then register it.';

/** The layer's findings so far and the details it still needs. */
interface Judgement {
  findings: Finding[];
  needs: string[];
}

const factFinding = (code: 'L6.ANDROID_SECURE_HARDWARE' | 'L6.ROOTED_OR_JAILBROKEN', fact: Fact, fix: string): Finding =>
  finding(code, `${fact.text.replace(/\.$/, '')} (${citation(fact.sources)}).`, { fix, evidence: { sources: sourceEvidence(fact.sources) }, docs: sourceLinks(fact.sources) });

function pinFinding(ctx: LayerContext, j: Judgement): void {
  const { os, browser } = ctx.device;
  if (!os) {
    j.needs.push('the operating system the key is registered on (iOS, and Safari or Firefox on macOS, need the key\'s PIN set first)');
    return;
  }
  const { needed, cell } = securityKeyNeedsPin(os, browser);
  if (needed === null) {
    j.needs.push(`the browser (on ${osName(os)}, some browsers need the key's PIN set first)`);
    return;
  }
  if (!needed || !cell) return;
  const where = cell.pinFirst ? `on ${osName(os)}` : `in ${browser ? browserName(browser) : 'this browser'} on ${osName(os)}`;
  j.findings.push(
    finding('L6.KEY_NEEDS_PIN', `Browsers ${where} don't offer to set up a PIN or biometric on a new security key, so registering a key that has none fails (${citation(cell.sources)}).`, {
      fix: SET_PIN,
      evidence: { rule: cell.id, os, browser, sources: sourceEvidence(cell.sources) },
      docs: sourceLinks(cell.sources),
    }),
  );
}

function attestationFinding(ctx: LayerContext, holder: PasskeyHolder, j: Judgement): void {
  const profiles = userPasskeyProfiles(ctx, 'whether the passkey profiles enforce attestation');
  if (!profiles.ok) {
    j.findings.push(profiles.finding);
    return;
  }
  if (!profiles.profiles.every((p) => p.attestationEnforcement === 'registrationOnly')) return;
  const enforcing = `every passkey profile that applies to ${personName(ctx.user)} enforces attestation (${listOf(profiles.profiles.map(describeProfile))})`;
  const key = holder.authenticator;
  if (!key) {
    j.needs.push(holder.aaGuid
      ? `a security key model Passkey Doctor knows: AAGUID ${holder.aaGuid} is not in its catalogue, and ${enforcing}, so only models on Microsoft's attestation-eligible list register`
      : `the security key model: ${enforcing}, so only models on Microsoft's attestation-eligible list register`);
    return;
  }
  if (key.attestationInEntra) return;
  j.findings.push(
    finding('L6.KEY_NOT_ATTESTATION_ELIGIBLE', `${key.name} is not on Microsoft's list of attestation-eligible keys, and ${enforcing}, so Entra will refuse to register it.`, {
      fix: `Use a key model on Microsoft's attestation-eligible list, or assign ${personName(ctx.user)} a passkey profile without enforced attestation.`,
      evidence: {
        authenticator: { aaGuid: holder.aaGuid, name: key.name, attestationInEntra: key.attestationInEntra },
        profiles: profiles.profiles.map((p) => ({ id: p.id, name: p.name, attestationEnforcement: p.attestationEnforcement })),
      },
    }),
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
    j.findings.push(factFinding('L6.ANDROID_SECURE_HARDWARE', androidSecureHardware,
      'This cannot be checked remotely: if registration fails on this phone, check it has hardware-backed key storage (StrongBox or TEE), or use a security key.'));
  }
  // The iPhone keeps the key in the Secure Enclave: nothing to check there.
  if (!phone) j.needs.push('which phone will hold the passkey in Microsoft Authenticator (iPhone or Android: Android phones need secure hardware)');
  j.findings.push(factFinding('L6.ROOTED_OR_JAILBROKEN', rootedDevices, 'If the phone is rooted or jailbroken, register a security key instead.'));
}

/** When nothing says what will hold the passkey: is there a hardware gate that could apply? */
function unknownHolderNeed(ctx: LayerContext, holder: PasskeyHolder): string | null {
  const { path, os } = ctx.device;
  if (holder.aaGuid) return `what AAGUID ${holder.aaGuid} is: it is not in Passkey Doctor's catalogue, so the hardware that holds it cannot be judged`;
  if (path === 'same-device' && os && os !== 'android') return null;
  if (path === 'same-device') return 'the passkey provider (a passkey in Microsoft Authenticator on Android needs secure hardware)';
  if (path === 'cross-device') return 'where the phone saves the passkey (a passkey in Microsoft Authenticator on Android needs secure hardware)';
  return 'what will hold the passkey: a security key (which model), Microsoft Authenticator (iPhone or Android), Windows Hello or a passkey provider';
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
      finding('L6.NEEDS_AUTHENTICATOR', `The hardware check needs ${listOf(j.needs)}.`, {
        fix: 'Add the intended authenticator and device details (CLI: --authenticator, --path, --os, --browser; in Teams: the device form) and re-run.',
        evidence: { holder: { provider: holder.provider, aaGuid: holder.aaGuid, name: holder.authenticator?.name ?? null } },
      }),
    );
  }
  return j.findings;
}
