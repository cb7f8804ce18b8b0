/**
 * A rule that forgets a parameter leaves its `{placeholder}` showing in what
 * the technician reads, and a reading nobody reaches is dead text. Layers 2
 * and 6 are walked over profiles × intended authenticators × registration
 * paths × devices: every reading of their codes must be said at least once,
 * and with every placeholder filled.
 */
import { evaluateHardware } from '../../src/diagnosis/layers/hardware/hardware';
import { evaluatePasskeyProfiles } from '../../src/diagnosis/layers/passkeyProfiles/passkeyProfiles';
import { known } from '../../src/model/facts';
import { FINDING_CODES, type FindingCode } from '../../src/model/findingCodes';
import { FINDING_WORDS, type FindingText } from '../../src/model/findingWords';
import type { Finding } from '../../src/model/verdictTypes';
import { AAGUID, GROUPS, allowList, blockList, contextOf, group, passkeyMethod, profile, readyWorld, type World } from './builders';
import { intended, worldOn } from './deviceBuilders';

type Profile = ReturnType<typeof profile>;

const PROFILE_SETS: Profile[][] = [
  [profile({ passkeyTypes: ['deviceBound'], keyRestrictions: allowList(AAGUID.yubikey5) })],
  [profile({ keyRestrictions: blockList(AAGUID.googlePasswordManager) })],
  [profile({ keyRestrictions: allowList(AAGUID.yubikey5) }), profile({ id: 'p2', name: 'Keys', keyRestrictions: allowList(AAGUID.yubikey5) })],
  [profile({ passkeyTypes: ['deviceBound'] })],
  [profile({ name: 'Device-bound', passkeyTypes: ['deviceBound'] }), profile({ id: 'p2', name: 'No Apple', keyRestrictions: blockList(AAGUID.icloudKeychain) })],
  [profile({ passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly' })],
];
const PATHS = ['security-key', 'windows-hello', 'same-device', 'cross-device', 'authenticator-app', null] as const;
const SOURCES = ['given', 'path', 'failed-registration'] as const;

function withProfiles(world: World, profiles: Profile[]): World {
  world.policy.fido2.passkeyProfiles = profiles;
  world.policy.fido2.includeTargets = [group(GROUPS.pilot, profiles.map((p) => p.id))];
  return world;
}

function profileWorlds(): World[] {
  const worlds: World[] = [];
  for (const profiles of PROFILE_SETS) {
    for (const aaGuid of Object.values(AAGUID)) {
      for (const source of SOURCES) {
        for (const path of PATHS) {
          const world = withProfiles(readyWorld(), profiles);
          world.intended = { aaGuid, source, ...(source === 'failed-registration' ? { seenAt: '2026-11-22T09:14:03Z' } : {}) };
          world.device.path = path;
          worlds.push(world);
        }
      }
    }
    const registered = withProfiles(readyWorld(), profiles);
    registered.methods = known(Object.values(AAGUID).map((aaGuid, i) => passkeyMethod(aaGuid, { id: `m${i}` })));
    worlds.push(registered, withProfiles(readyWorld(), profiles));
  }
  const [legacy, unassigned] = [readyWorld(), readyWorld()];
  legacy.policy.fido2.passkeyProfiles = [];
  legacy.intended = { aaGuid: AAGUID.googlePasswordManager, source: 'given' };
  unassigned.policy.fido2.includeTargets = [group(GROUPS.pilot, []), group('another-group', [])];
  unassigned.memberOf = known([GROUPS.pilot, 'another-group']);
  const oneUnassigned = readyWorld();
  oneUnassigned.policy.fido2.includeTargets = [group(GROUPS.pilot, [])];
  return [...worlds, legacy, unassigned, oneUnassigned];
}

const DEVICES = [
  { os: 'macos', browser: 'safari', path: 'security-key' },
  { os: 'ios', browser: 'chrome', path: 'security-key' },
  { os: 'macos', path: 'security-key' },
  { path: 'security-key' },
  { os: 'android', path: 'same-device' },
  { path: 'cross-device' },
  { path: 'authenticator-app' },
  {},
] as const;

function hardwareWorlds(): World[] {
  return DEVICES.flatMap((device) =>
    [undefined, intended('yubikey-5-nfc'), intended('authenticator-android'), { aaGuid: AAGUID.notInCatalogue, source: 'given' as const }].flatMap(
      (authenticator) => [
        worldOn(device, authenticator),
        withProfiles(worldOn(device, authenticator), [profile({ passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly' })]),
      ],
    ),
  );
}

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
/** Whether `said` is this reading of the code: the template's fixed words, with anything in the placeholders. */
const reads = (text: FindingText, said: Finding): boolean =>
  [[text.message, said.message], [text.fix ?? '', said.fix ?? '']].every(([template, words]) =>
    new RegExp(`^${escape(template!).replace(/\\?\{\w+\\?\}/g, '[\\s\\S]*?')}$`).test(words!),
  );

describe('layers 2 and 6 fill in their words', () => {
  const findings = [
    ...profileWorlds().flatMap((world) => evaluatePasskeyProfiles(contextOf(world))),
    ...hardwareWorlds().flatMap((world) => evaluateHardware(contextOf(world))),
  ];

  it('leaves no placeholder unfilled', () => {
    expect(findings.filter((f) => /\{\w+\}/.test(`${f.message} ${f.fix ?? ''}`)).map((f) => f.code)).toEqual([]);
  });

  it('says every reading of every layer-2 and layer-6 code', () => {
    const codes = (Object.keys(FINDING_CODES) as FindingCode[]).filter((c) => [2, 6].includes(FINDING_CODES[c].layer));
    const unsaid = codes.flatMap((code) =>
      Object.entries(FINDING_WORDS[code] ?? {})
        .filter(([, text]) => !findings.some((f) => f.code === code && reads(text, f)))
        .map(([variant]) => `${code} ${variant}`),
    );
    // Every key in today's catalogue is attestation-eligible; hardware.test.ts makes one ineligible to reach this reading.
    expect(unsaid).toEqual(['L6.KEY_NOT_ATTESTATION_ELIGIBLE default']);
  });
});
