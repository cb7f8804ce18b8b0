import { known, missing } from '../../src/model/facts';
import { evaluatePasskeyProfiles } from '../../src/diagnosis/layers/passkeyProfiles/passkeyProfiles';
import {
  AAGUID,
  DEFAULT_PROFILE_ID,
  GROUPS,
  SECURITY_KEYS_PROFILE_ID,
  WINDOWS_HELLO_AAGUIDS,
  allowList,
  blockList,
  blocking,
  codes,
  contextOf,
  gap,
  group,
  only,
  passkeyMethod,
  passwordMethod,
  profile,
  readyWorld,
  type World,
} from './builders';

const run = (world: World) => evaluatePasskeyProfiles(contextOf(world));

const securityKeysOnly = () =>
  profile({
    id: SECURITY_KEYS_PROFILE_ID,
    name: 'Security keys only',
    passkeyTypes: ['deviceBound'],
    attestationEnforcement: 'registrationOnly',
    keyRestrictions: allowList(AAGUID.yubikey5),
  });

/** One profile for the pilot group, replacing the permissive default. */
function withOnlyProfile(world: World, only: ReturnType<typeof profile>): World {
  world.policy.fido2.passkeyProfiles = [only];
  world.policy.fido2.includeTargets = [group(GROUPS.pilot, [only.id])];
  return world;
}

const intend = (world: World, aaGuid: string, source: 'given' | 'path' | 'failed-registration' = 'given', seenAt?: string): World => {
  world.intended = { aaGuid, source, ...(seenAt ? { seenAt } : {}) };
  return world;
};

describe('layer 2: passkey profiles and key restrictions', () => {
  describe('which profiles apply', () => {
    it('passes with only an info listing the profiles when a fully permissive profile applies', () => {
      const findings = run(readyWorld());
      expect(codes(findings)).toEqual(['L2.PROFILES_APPLIED']);
      expect(findings[0].evidence).toEqual(expect.objectContaining({ legacy: false, profiles: [expect.objectContaining({ id: DEFAULT_PROFILE_ID })] }));
    });

    it('unions the profiles of every include target the user matches, and only those', () => {
      const world = readyWorld();
      const third = profile({ id: 'third', name: 'Unrelated profile' });
      world.policy.fido2.passkeyProfiles = [profile(), securityKeysOnly(), third];
      world.policy.fido2.includeTargets = [group(GROUPS.pilot, [DEFAULT_PROFILE_ID]), group(GROUPS.securityKeys, [SECURITY_KEYS_PROFILE_ID]), group(GROUPS.contractors, ['third'])];
      world.memberOf = known([GROUPS.pilot, GROUPS.securityKeys]);
      const applied = only(run(world), 'L2.PROFILES_APPLIED');
      expect((applied.evidence?.profiles as Array<{ id: string }>).map((p) => p.id)).toEqual([DEFAULT_PROFILE_ID, SECURITY_KEYS_PROFILE_ID]);
    });

    it('is not evaluated when the user matches no include target', () => {
      const world = readyWorld();
      world.memberOf = known([]);
      expect(codes(run(world))).toEqual(['GRAPH.NOT_EVALUATED']);
    });

    it('fails when the matched targets allow no profile that exists', () => {
      const world = readyWorld();
      world.policy.fido2.includeTargets = [group(GROUPS.pilot, ['deleted-profile'])];
      const f = only(run(world), 'L2.NO_APPLICABLE_PROFILE');
      expect(f.severity).toBe('fail');
      expect(f.message).toContain('"Passkey pilot"');
      expect(f.evidence).toEqual(expect.objectContaining({ unresolvedProfileIds: ['deleted-profile'] }));
    });

    // docs/contracts.md §5 (corrected): "To enable synced passkeys, your organization must have passkey profiles enabled".
    it('treats a pre-profile tenant as one profile allowing device-bound passkeys only, and says where Microsoft contradicts itself', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [];
      world.policy.fido2.includeTargets = [group(GROUPS.pilot, [])];
      intend(world, AAGUID.icloudKeychain);
      const findings = run(world);
      expect(codes(blocking(findings))).toEqual(['L2.SYNCED_NOT_ALLOWED']);
      expect(findings[0].evidence).toEqual(expect.objectContaining({ legacy: true, profiles: [expect.objectContaining({ passkeyTypes: ['deviceBound'] })] }));
      const synced = only(findings, 'L2.SYNCED_NOT_ALLOWED');
      expect(synced.message).toMatch(/must have passkey profiles enabled.*contradicts itself/);
      expect(synced.evidence).toMatchObject({ docsConflict: { page: expect.stringContaining('how-to-authentication-passkeys-fido2') } });
    });

    it('treats a pre-profile tenant with attestation enforced as device-bound only', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [];
      world.policy.fido2.isAttestationEnforced = true;
      world.policy.fido2.includeTargets = [group(GROUPS.pilot, [])];
      intend(world, AAGUID.icloudKeychain);
      expect(codes(blocking(run(world)))).toEqual(['L2.ATTESTATION_REQUIRED', 'L2.SYNCED_NOT_ALLOWED']);
    });

    it('applies legacy key restrictions in a pre-profile tenant', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [];
      world.policy.fido2.keyRestrictions = blockList(AAGUID.yubikey5);
      intend(world, AAGUID.yubikey5);
      expect(codes(blocking(run(world)))).toEqual(['L2.AUTHENTICATOR_BLOCKED']);
    });
  });

  describe('the intended authenticator', () => {
    it('fails a security key missing from the allow list of every applicable profile', () => {
      const world = withOnlyProfile(readyWorld(), profile({ keyRestrictions: allowList(AAGUID.authenticatorIos, AAGUID.authenticatorAndroid) }));
      intend(world, AAGUID.yubikey5);
      const f = only(run(world), 'L2.AUTHENTICATOR_BLOCKED');
      expect(f.message).toContain('YubiKey 5 Series');
      expect(f.fix).toContain(AAGUID.yubikey5);
    });

    it('fails an authenticator on the block list', () => {
      const world = withOnlyProfile(readyWorld(), profile({ keyRestrictions: blockList(AAGUID.googlePasswordManager) }));
      intend(world, AAGUID.googlePasswordManager);
      expect(codes(blocking(run(world)))).toEqual(['L2.AUTHENTICATOR_BLOCKED']);
    });

    it('accepts an authenticator that satisfies any one applicable profile', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [profile({ keyRestrictions: allowList(AAGUID.authenticatorIos) }), securityKeysOnly()];
      world.policy.fido2.includeTargets = [group(GROUPS.pilot, [DEFAULT_PROFILE_ID, SECURITY_KEYS_PROFILE_ID])];
      intend(world, AAGUID.yubikey5);
      expect(blocking(run(world))).toEqual([]);
    });

    it('requires attestation a Windows Hello passkey cannot give, even when the profile allows Windows Hello', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly', keyRestrictions: allowList(...WINDOWS_HELLO_AAGUIDS) }));
      intend(world, AAGUID.windowsHello, 'path');
      world.device.path = 'windows-hello';
      const f = only(run(world), 'L2.ATTESTATION_REQUIRED');
      expect(f.message).toContain('Windows Hello');
      expect(codes(blocking(run(world)))).toEqual(['L2.ATTESTATION_REQUIRED', 'L2.AUTHENTICATOR_APP_NOT_ALLOWED']);
    });

    it('requires attestation from Microsoft Authenticator registered through the browser by QR code', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly' }));
      intend(world, AAGUID.authenticatorAndroid);
      world.device.path = 'cross-device';
      const f = only(run(world), 'L2.ATTESTATION_REQUIRED');
      expect(f.fix).toContain('from within the Microsoft Authenticator app');
    });

    it('accepts Microsoft Authenticator registered from within the app when attestation is enforced', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly' }));
      intend(world, AAGUID.authenticatorAndroid, 'path');
      world.device.path = 'authenticator-app';
      expect(blocking(run(world))).toEqual([]);
    });

    it('fails a synced provider when no applicable profile allows synced passkeys', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['deviceBound'] }));
      intend(world, AAGUID.googlePasswordManager);
      const f = only(run(world), 'L2.SYNCED_NOT_ALLOWED');
      expect(f.message).toContain('Google Password Manager');
      expect(codes(blocking(run(world)))).toEqual(['L2.SYNCED_NOT_ALLOWED']);
    });

    it('names each profile\'s own reason when the profiles reject an authenticator for different reasons', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [
        profile({ name: 'Device-bound', passkeyTypes: ['deviceBound'] }),
        profile({ id: 'p2', name: 'No Apple', keyRestrictions: blockList(AAGUID.icloudKeychain) }),
      ];
      world.policy.fido2.includeTargets = [group(GROUPS.pilot, [DEFAULT_PROFILE_ID, 'p2'])];
      intend(world, AAGUID.icloudKeychain);
      const f = only(run(world), 'L2.AUTHENTICATOR_BLOCKED');
      expect(codes(blocking(run(world)))).toEqual(['L2.AUTHENTICATOR_BLOCKED']);
      expect(f.evidence?.profiles).toEqual([
        expect.objectContaining({ profile: 'Device-bound', reasons: ['allows only device-bound passkeys'] }),
        expect.objectContaining({ profile: 'No Apple', reasons: [expect.stringContaining('block list')] }),
      ]);
    });

    it('says when the authenticator comes from a failed registration', () => {
      const world = withOnlyProfile(readyWorld(), profile({ keyRestrictions: allowList(AAGUID.yubikey5) }));
      intend(world, AAGUID.authenticatorIos, 'failed-registration', '2026-11-22T09:14:03Z');
      const f = only(run(world), 'L2.AUTHENTICATOR_BLOCKED');
      expect(f.message).toContain('tried in a failed registration at 2026-11-22 09:14 UTC');
      expect(f.evidence?.authenticator).toEqual(expect.objectContaining({ source: 'failed-registration' }));
    });

    it('warns about an authenticator missing from the catalogue when every profile enforces attestation', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly' }));
      intend(world, AAGUID.notInCatalogue);
      const f = only(run(world), 'L2.AUTHENTICATOR_UNKNOWN');
      expect(f.severity).toBe('warn');
      expect(f.message).toContain('cannot tell whether it creates synced or device-bound passkeys');
      expect(f.message).toContain('attestation');
    });

    it('accepts an authenticator missing from the catalogue when a profile lets anything in', () => {
      const world = readyWorld();
      intend(world, AAGUID.notInCatalogue);
      expect(blocking(run(world))).toEqual([]);
    });

    it('fails, not warns, an uncatalogued authenticator that the key restrictions reject outright', () => {
      const world = withOnlyProfile(readyWorld(), securityKeysOnly());
      intend(world, AAGUID.notInCatalogue);
      expect(codes(blocking(run(world)))).toEqual(['L2.AUTHENTICATOR_BLOCKED', 'L2.AUTHENTICATOR_APP_NOT_ALLOWED']);
    });
  });

  describe('without an intended authenticator', () => {
    it('needs the authenticator when no applicable profile accepts everything', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['deviceBound'] }));
      const f = only(run(world), 'L2.NEEDS_AUTHENTICATOR');
      expect(f.severity).toBe('needs-info');
    });

    it('needs no authenticator when one applicable profile is fully permissive', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [profile(), securityKeysOnly()];
      world.policy.fido2.includeTargets = [group(GROUPS.pilot, [DEFAULT_PROFILE_ID, SECURITY_KEYS_PROFILE_ID])];
      expect(blocking(run(world))).toEqual([]);
    });
  });

  describe('Microsoft Authenticator', () => {
    it('warns when no applicable profile accepts Microsoft Authenticator, beside the request for the authenticator', () => {
      const world = withOnlyProfile(readyWorld(), securityKeysOnly());
      const findings = run(world);
      expect(codes(blocking(findings))).toEqual(['L2.NEEDS_AUTHENTICATOR', 'L2.AUTHENTICATOR_APP_NOT_ALLOWED']);
      expect(only(findings, 'L2.AUTHENTICATOR_APP_NOT_ALLOWED').severity).toBe('warn');
    });

    it('warns when the only profile allows synced passkeys alone', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['synced'] }));
      expect(codes(run(world))).toContain('L2.AUTHENTICATOR_APP_NOT_ALLOWED');
    });

    it('does not warn when the allow list holds the iOS Authenticator', () => {
      const world = withOnlyProfile(readyWorld(), profile({ keyRestrictions: allowList(AAGUID.yubikey5, AAGUID.authenticatorIos) }));
      expect(codes(run(world))).not.toContain('L2.AUTHENTICATOR_APP_NOT_ALLOWED');
    });
  });

  describe('registered passkeys', () => {
    it('warns about a registered synced passkey once no applicable profile allows synced', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['deviceBound'] }));
      world.intended = { aaGuid: AAGUID.yubikey5, source: 'given' };
      world.methods = known([passwordMethod(), passkeyMethod(AAGUID.icloudKeychain, { id: 'pk-1', displayName: 'iPhone', passkeyType: 'synced' })]);
      const f = only(run(world), 'L2.REGISTERED_PASSKEY_NOW_BLOCKED');
      expect(f.severity).toBe('warn');
      expect(f.evidence).toEqual(
        expect.objectContaining({ registered: true, methodId: 'pk-1', aaGuid: AAGUID.icloudKeychain, authenticator: 'Apple Passwords (iCloud Keychain)' }),
      );
    });

    it('warns about a registered key whose AAGUID left the allow list', () => {
      const world = withOnlyProfile(readyWorld(), profile({ keyRestrictions: allowList(AAGUID.authenticatorIos, AAGUID.authenticatorAndroid) }));
      world.intended = { aaGuid: AAGUID.authenticatorIos, source: 'given' };
      world.methods = known([passkeyMethod(AAGUID.yubikey5)]);
      expect(codes(blocking(run(world)))).toEqual(['L2.REGISTERED_PASSKEY_NOW_BLOCKED']);
    });

    it('keeps a registered passkey that cannot attest: attestation is checked only at registration', () => {
      const world = withOnlyProfile(readyWorld(), profile({ passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly' }));
      world.intended = { aaGuid: AAGUID.yubikey5, source: 'given' };
      world.methods = known([passkeyMethod(AAGUID.windowsHello, { passkeyType: 'deviceBound' })]);
      expect(blocking(run(world))).toEqual([]);
    });

    it('is unknown when the registered methods cannot be read', () => {
      const world = readyWorld();
      world.methods = missing(gap('GRAPH.PERMISSION_MISSING', { permission: 'UserAuthenticationMethod.Read.All' }));
      expect(codes(blocking(run(world)))).toEqual(['GRAPH.PERMISSION_MISSING']);
    });
  });

  it('is unknown when the policy cannot be read', () => {
    const world = readyWorld();
    world.policyFact = missing(gap('GRAPH.UNAVAILABLE'));
    expect(codes(run(world))).toEqual(['GRAPH.UNAVAILABLE']);
  });
});
