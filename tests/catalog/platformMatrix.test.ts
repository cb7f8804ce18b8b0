import { checkMinimum, checkWithin, parseComponents, parseOsVersion } from '../../src/catalog/osVersion';
import {
  SAME_DEVICE_PROVIDERS,
  browserAvailable,
  browserEntryOf,
  cellsFor,
  chooseCell,
  contradiction,
  contradictionIds,
  crossDevicePhoneRequirement,
  crossDevicePrerequisites,
  hardwareFacts,
  matrixCells,
  matrixSource,
  minimumLabel,
  sourceIds,
  type MatrixCell,
} from '../../src/catalog/platformMatrix';
import { OPERATING_SYSTEMS, PATHS } from '../../src/model/vocabulary';
import type { OperatingSystem, RegistrationPath } from '../../src/model/facts';

const range = (os: OperatingSystem, text: string) => {
  const parsed = parseOsVersion(os, text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};
const cellAt = (path: RegistrationPath, provider: Parameters<typeof cellsFor>[1], os: OperatingSystem, version: string | null) =>
  chooseCell(cellsFor(path, provider, os), version === null ? null : range(os, version));
const chosenId = (choice: ReturnType<typeof chooseCell>) => (choice.kind === 'cell' ? choice.cell.id : choice.kind);

describe('OS versions', () => {
  it('reads a version with fewer parts as every version that starts with it', () => {
    expect(checkMinimum(range('ios', '17'), [17])).toBe('meets');
    expect(checkMinimum(range('ios', '17.0'), [17])).toBe('meets');
    expect(checkMinimum(range('ios', '16.9'), [17])).toBe('below');
    expect(checkMinimum(range('ios', '16'), [17])).toBe('below');
    expect(checkMinimum(range('ios', '17'), [17, 2])).toBe('unknown');
    expect(checkMinimum(range('ios', '17.2'), [17, 2])).toBe('meets');
    expect(checkMinimum(range('ios', '17.1.2'), [17, 2])).toBe('below');
  });

  it('puts Android 13 below 14 and Android 14 at it', () => {
    expect(checkMinimum(range('android', '13'), [14])).toBe('below');
    expect(checkMinimum(range('android', '14'), [14])).toBe('meets');
  });

  it('reads Windows 10, 11, release ids and NT builds', () => {
    expect(checkMinimum(range('windows', '11'), [10, 0, 22631])).toBe('unknown');
    expect(checkMinimum(range('windows', '11'), [10, 0, 22000])).toBe('meets');
    expect(checkMinimum(range('windows', '10'), [10, 0, 22000])).toBe('below');
    expect(checkMinimum(range('windows', '10'), [10, 0, 18362])).toBe('unknown');
    expect(checkMinimum(range('windows', '10.0.22631'), [10, 0, 22631])).toBe('meets');
    expect(checkMinimum(range('windows', '10.0.22621'), [10, 0, 22631])).toBe('below');
    expect(checkMinimum(range('windows', '1903'), [10, 0, 18362])).toBe('meets');
    expect(checkMinimum(range('windows', '22631'), [10, 0, 22631])).toBe('meets');
    expect(checkMinimum(range('windows', '7'), [10])).toBe('below');
  });

  it('cannot place NT version 10.0 (what a sign-in proves) either side of Windows 11', () => {
    expect(checkMinimum(range('windows', '10.0'), [10, 0, 22000])).toBe('unknown');
  });

  it('refuses text that is not a version', () => {
    expect(parseOsVersion('ios', 'seventeen')).toBeNull();
    expect(parseOsVersion('ios', '')).toBeNull();
    expect(parseComponents('17.')).toBeNull();
  });

  it('tells whether a version lies inside a half-open range', () => {
    expect(checkWithin(range('ios', '16.9'), null, [17])).toBe('inside');
    expect(checkWithin(range('ios', '17.0'), null, [17])).toBe('outside');
    expect(checkWithin(range('ios', '17.0'), [17], null)).toBe('inside');
    expect(checkWithin(range('windows', '10.0'), [10], [10, 0, 22000])).toBe('unknown');
  });
});

describe('the platform matrix data', () => {
  const cells = matrixCells();

  it('cites only sources and contradictions it defines, and every one it defines is used', () => {
    const used = new Set<string>();
    const contradictionsUsed = new Set<string>();
    for (const cell of cells) {
      cell.sources.forEach((s) => used.add(s));
      if (cell.contradiction) contradictionsUsed.add(cell.contradiction);
      if (cell.browsers && cell.browsers !== 'any') {
        for (const entry of Object.values(cell.browsers)) if (typeof entry === 'object' && entry.contradiction) contradictionsUsed.add(entry.contradiction);
      }
    }
    for (const id of contradictionIds()) {
      const entry = contradiction(id);
      entry.statements.forEach((s) => used.add(s.source));
    }
    for (const provider of SAME_DEVICE_PROVIDERS) {
      const phone = crossDevicePhoneRequirement(provider);
      phone?.sources.forEach((s) => used.add(s));
      if (phone?.contradiction) contradictionsUsed.add(phone.contradiction);
    }
    const { androidSecureHardware, rootedDevices } = hardwareFacts();
    for (const fact of [androidSecureHardware, rootedDevices, crossDevicePrerequisites()]) fact.sources.forEach((s) => used.add(s));
    for (const id of used) expect(() => matrixSource(id)).not.toThrow();
    for (const id of contradictionsUsed) expect(() => contradiction(id)).not.toThrow();
    expect(contradictionIds().sort()).toEqual([...contradictionsUsed].sort());
    expect(sourceIds().filter((id) => !used.has(id))).toEqual([]);
  });

  it('gives every source a date or says it has none, and every cell a unique id', () => {
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
    expect(matrixSource('S1')).toMatchObject({ date: '2026-04-16', path: 'docs/identity/authentication/concept-fido2-compatibility.md' });
  });

  it('explains every cell that is not plainly supported', () => {
    const unexplained = cells.filter((c) => c.support !== 'supported' && !c.why);
    expect(unexplained.map((c) => c.id)).toEqual([]);
    const noFix = cells.filter((c) => ['unsupported', 'too-old', 'undocumented'].includes(c.support) && !c.tryInstead);
    expect(noFix.map((c) => c.id)).toEqual([]);
  });

  const versionsToProbe: Record<OperatingSystem, string[]> = {
    // Builds: "10" and "11" are ranges that straddle some boundaries on purpose.
    windows: ['7', '10.0.18362', '10.0.22000', '10.0.22631', '10.0.26100'],
    macos: ['10.15', '12', '13', '14'],
    ios: ['15', '16', '16.9', '17', '17.2', '18'],
    ipados: ['16', '17'],
    android: ['8', '9', '13', '14', '15'],
    linux: ['1'],
    chromeos: ['100', '108', '129'],
  };

  it('has exactly one cell for every path, provider, operating system and version', () => {
    const gaps: string[] = [];
    for (const path of PATHS) {
      const providers = path === 'same-device' ? SAME_DEVICE_PROVIDERS.filter((p) => p !== 'windows-hello') : [null];
      for (const provider of providers) {
        for (const os of OPERATING_SYSTEMS) {
          const matching = cellsFor(path, provider, os);
          for (const version of versionsToProbe[os]) {
            const inside = matching.filter((cell: MatrixCell) => {
              const choice = chooseCell([cell], range(os, version));
              return choice.kind === 'cell';
            });
            if (inside.length !== 1) gaps.push(`${path}/${provider ?? '-'}/${os} ${version}: ${inside.map((c) => c.id).join(',') || 'none'}`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});

describe('platform matrix rules', () => {
  it('needs iOS 17 for a passkey in Microsoft Authenticator: 16.9 is too old, 17.0 is fine', () => {
    expect(chosenId(cellAt('authenticator-app', null, 'ios', '16.9'))).toBe('authenticator-app/ios/too-old');
    expect(chosenId(cellAt('authenticator-app', null, 'ios', '17.0'))).toBe('authenticator-app/ios');
    const tooOld = cellsFor('authenticator-app', null, 'ios').find((c) => c.support === 'too-old')!;
    expect(minimumLabel(tooOld, 'ios')).toBe('iOS 17');
    expect(tooOld.sources).toContain('S3');
  });

  it('needs Android 14 for Microsoft Authenticator: 13 is too old, 14 is fine', () => {
    expect(chosenId(cellAt('authenticator-app', null, 'android', '13'))).toBe('authenticator-app/android/too-old');
    expect(chosenId(cellAt('authenticator-app', null, 'android', '14'))).toBe('authenticator-app/android');
  });

  it('needs iOS 16 and macOS 13 for Apple Passwords', () => {
    expect(chosenId(cellAt('same-device', 'apple-passwords', 'ios', '15.8'))).toMatch(/too-old$/);
    expect(chosenId(cellAt('same-device', 'apple-passwords', 'ios', '16'))).toBe('same-device/apple-passwords/ios');
    expect(chosenId(cellAt('same-device', 'apple-passwords', 'macos', '12.7'))).toMatch(/too-old$/);
    expect(chosenId(cellAt('same-device', 'apple-passwords', 'macos', '13'))).toBe('same-device/apple-passwords/macos');
  });

  it('needs iOS 17 and Android 14 for third-party providers, and Android 9 for Google Password Manager', () => {
    expect(chosenId(cellAt('same-device', 'third-party', 'ios', '16.9'))).toMatch(/too-old$/);
    expect(chosenId(cellAt('same-device', 'third-party', 'android', '13'))).toMatch(/too-old$/);
    expect(chosenId(cellAt('same-device', 'third-party', 'android', '14'))).toBe('same-device/third-party/android');
    expect(chosenId(cellAt('same-device', 'google-password-manager', 'android', '8'))).toMatch(/too-old$/);
    expect(chosenId(cellAt('same-device', 'google-password-manager', 'android', '9'))).toBe('same-device/google-password-manager/android');
  });

  it('keeps Google Password Manager to Chrome on Windows, macOS and iOS', () => {
    const windows = cellsFor('same-device', 'google-password-manager', 'windows')[0];
    expect(browserEntryOf(windows, 'chrome').support).toBe('supported');
    expect(browserEntryOf(windows, 'edge').support).toBe('unsupported');
    const ios = cellsFor('same-device', 'google-password-manager', 'ios').find((c) => c.from === '17')!;
    expect(browserEntryOf(ios, 'safari').support).toBe('unsupported');
  });

  it('blocks security-key registration on ChromeOS and every passkey in Firefox on Android', () => {
    expect(cellsFor('security-key', null, 'chromeos')[0].support).toBe('unsupported');
    for (const [path, provider] of [['security-key', null], ['same-device', 'google-password-manager'], ['same-device', 'third-party'], ['cross-device', null]] as const) {
      const choice = cellAt(path, provider, 'android', '14');
      if (choice.kind !== 'cell') throw new Error(`no cell for ${path}`);
      expect(browserEntryOf(choice.cell, 'firefox').support).toBe('unsupported');
    }
  });

  it('asks for a PIN before registering a security key on iOS, and in Safari or Firefox on macOS', () => {
    expect(cellsFor('security-key', null, 'ios')[0].pinFirst).toBe(true);
    const mac = cellsFor('security-key', null, 'macos')[0];
    expect(browserEntryOf(mac, 'safari').pinFirst).toBe(true);
    expect(browserEntryOf(mac, 'firefox').pinFirst).toBe(true);
    expect(browserEntryOf(mac, 'chrome').pinFirst).toBeUndefined();
  });

  it('limits the QR-code flow to Chrome and Edge before Windows 11 23H2', () => {
    const before = cellAt('cross-device', null, 'windows', '10.0.22621');
    const after = cellAt('cross-device', null, 'windows', '10.0.22631');
    if (before.kind !== 'cell' || after.kind !== 'cell') throw new Error('no cell');
    expect(browserEntryOf(before.cell, 'firefox').support).toBe('unsupported');
    expect(browserEntryOf(after.cell, 'firefox').support).toBe('supported');
    expect(cellAt('cross-device', null, 'windows', '10.0').kind).toBe('needs-version');
  });

  it('records the documented contradictions as such, with both sides and a way forward', () => {
    expect(cellsFor('security-key', null, 'android')[0]).toMatchObject({ support: 'conflicting', contradiction: 'C2' });
    const c2 = contradiction('C2');
    expect(c2.statements.map((s) => s.source)).toEqual(expect.arrayContaining(['S1b', 'S1']));
    expect(c2.tryInstead).toMatch(/Windows or Mac/);
    const gpmAndroid = cellAt('same-device', 'google-password-manager', 'android', '14');
    if (gpmAndroid.kind !== 'cell') throw new Error('no cell');
    expect(browserEntryOf(gpmAndroid.cell, 'edge')).toMatchObject({ support: 'conflicting', contradiction: 'C5' });
    expect(cellsFor('same-device', 'google-password-manager', 'chromeos')[0]).toMatchObject({ support: 'conflicting', contradiction: 'C12' });
    expect(chosenId(cellAt('windows-hello', null, 'windows', '10'))).toBe('windows-hello/windows-10');
    expect(cellsFor('windows-hello', null, 'windows').find((c) => c.id === 'windows-hello/windows-10')?.contradiction).toBe('C16');
    expect(crossDevicePhoneRequirement('microsoft-authenticator')?.contradiction).toBe('C14');
  });

  it('treats a browser the matrix does not list as undocumented, and Safari off Apple systems as unavailable', () => {
    const mac = cellAt('cross-device', null, 'macos', '14');
    if (mac.kind !== 'cell') throw new Error('no cell');
    expect(browserEntryOf(mac.cell, 'firefox').support).toBe('undocumented');
    expect(browserEntryOf(mac.cell, 'other').support).toBe('undocumented');
    expect(browserAvailable('safari', 'windows')).toBe(false);
    expect(browserAvailable('safari', 'ios')).toBe(true);
    expect(browserAvailable('chrome', 'chromeos')).toBe(true);
  });
});

describe('changing a rule', () => {
  it('takes an edit of the data file alone, no code', () => {
    jest.isolateModules(() => {
      const data = jest.requireActual('../../src/catalog/data/platform-matrix.json');
      const edited = structuredClone(data);
      for (const cell of edited.cells) {
        if (cell.id === 'authenticator-app/ios/too-old') cell.below = '18';
        if (cell.id === 'authenticator-app/ios') cell.from = '18';
      }
      jest.doMock('../../src/catalog/data/platform-matrix.json', () => edited);
      const matrix: typeof import('../../src/catalog/platformMatrix') = jest.requireActual('../../src/catalog/platformMatrix');
      const choice = matrix.chooseCell(matrix.cellsFor('authenticator-app', null, 'ios'), range('ios', '17.4'));
      expect(choice.kind === 'cell' && choice.cell.id).toBe('authenticator-app/ios/too-old');
    });
  });

  it('refuses data that breaks the format, naming the field', () => {
    jest.isolateModules(() => {
      const data = structuredClone(jest.requireActual('../../src/catalog/data/platform-matrix.json'));
      data.cells[0].support = 'maybe';
      jest.doMock('../../src/catalog/data/platform-matrix.json', () => data);
      expect(() => jest.requireActual('../../src/catalog/platformMatrix')).toThrow(/cells.*support|support/);
    });
  });
});
