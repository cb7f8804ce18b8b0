/**
 * The device form never offers a value its own diagnosis rejects: whatever
 * it pre-fills from a known device, submitted as it stands (a technician
 * picking Windows 10 or 11 where the form could not decide), validates and
 * is precise enough for the platform layer.
 */
import { parseDeviceForm } from '../../src/bot/commandText';
import { deviceFormView } from '../../src/cards/deviceFormView';
import type { Verdict } from '../../src/model/verdictTypes';
import { sandboxGateway, type SandboxGateway } from '../support/sandboxGateway';

const KNOWN: Array<{ os: string; osVersion: string; browser: string; path: string }> = [
  ...['10.0', '10', '11', '10.0.19045', '10.0.22631', '22631', '1909', '10.0.22000.2538'].map((osVersion) => ({ os: 'windows', osVersion, browser: 'edge', path: 'windows-hello' })),
  { os: 'ios', osVersion: '17.2', browser: 'safari', path: 'authenticator-app' },
  { os: 'macos', osVersion: '14', browser: 'safari', path: 'same-device' },
  { os: 'android', osVersion: '14', browser: 'chrome', path: 'authenticator-app' },
];

describe('the device form\'s pre-fill', () => {
  let tenant: SandboxGateway;
  beforeAll(async () => {
    tenant = await sandboxGateway();
  });
  afterAll(() => tenant.close());

  it.each(KNOWN)('submits what it pre-fills for $os $osVersion without being asked for a more precise version', async (known) => {
    const verdict = await tenant.diagnose('carol@contoso.com', known);
    const form = deviceFormView({ ...verdict, device: { ...verdict.device!, source: 'inferred' } } as Verdict, 'run-1');
    const submitted = { os: form.os, osVersion: form.osVersion, browser: form.browser, path: form.path, windowsRelease: form.windowsRelease || '11' };
    if (known.os === 'windows') expect(form.isWindows).toBe(true);
    const device = parseDeviceForm(submitted);
    const again = await tenant.diagnose('carol@contoso.com', { os: device!.os, osVersion: device!.osVersion, browser: device!.browser, path: device!.path });
    const platform = again.layers.find((l) => l.layer === 5)!;
    expect(JSON.stringify(platform.findings)).not.toMatch(/more precise/);
  });

  it('decides Windows 10 or 11 where the version does, and leaves "Windows NT 10.0" to the technician', async () => {
    const release = async (osVersion: string) => {
      const verdict = await tenant.diagnose('carol@contoso.com', { os: 'windows', osVersion, browser: 'edge', path: 'windows-hello' });
      const form = deviceFormView(verdict, 'run-1');
      return [form.windowsRelease, form.osVersion];
    };
    await expect(release('10.0')).resolves.toEqual(['', '']);
    await expect(release('10.0.19045')).resolves.toEqual(['10', '10.0.19045']);
    await expect(release('10.0.22631')).resolves.toEqual(['11', '10.0.22631']);
    await expect(release('11')).resolves.toEqual(['11', '']);
  });
});
