import { runCli } from '../support/captureIo';

/**
 * The sandbox users for layers 5–7 and the registration Conditional Access
 * gate: each gives its failure with the options a technician would type.
 */
const EXPECTED: Array<[string, string[], string, string | null]> = [
  ['carol@contoso.com', ['--os', 'ios', '--os-version', '17.2', '--browser', 'safari', '--path', 'authenticator-app'], 'ready', null],
  ['hannah@contoso.com', ['--path', 'authenticator-app'], 'blocked', 'L5.OS_TOO_OLD'],
  ['hannah@contoso.com', ['--os', 'ios', '--os-version', '16.7', '--path', 'authenticator-app'], 'blocked', 'L5.OS_TOO_OLD'],
  ['jamal@contoso.com', ['--path', 'security-key'], 'blocked', 'L5.UNSUPPORTED_PATH'],
  ['kenji@contoso.com', ['--path', 'same-device'], 'blocked', 'L5.UNSUPPORTED_BROWSER'],
  ['wendy@contoso.com', ['--os', 'windows', '--os-version', '11', '--browser', 'edge', '--path', 'windows-hello'], 'at-risk', null],
  ['wendy@contoso.com', ['--os', 'windows', '--os-version', '11', '--browser', 'edge', '--path', 'windows-hello', '--device-name', 'WENDY-LAPTOP'], 'blocked', 'L7.WHFB_CONFLICT'],
  ['olivia@contoso.com', ['--os', 'windows', '--os-version', '11', '--browser', 'edge', '--path', 'windows-hello'], 'blocked', 'L2.AUTHENTICATOR_BLOCKED'],
  ['pablo@contoso.com', [], 'blocked', 'L4.SIGNIN_BLOCKED_BY_CA'],
  ['quinn@contoso.com', ['--os', 'ios', '--os-version', '17.4', '--browser', 'safari', '--path', 'authenticator-app'], 'ready', null],
  ['maria@contoso.com', [], 'blocked', 'L2.AUTHENTICATOR_BLOCKED'],
  ['maria@contoso.com', ['--path', 'authenticator-app'], 'at-risk', null],
  ['nora@contoso.com', [], 'blocked', 'L3.REGISTRATION_CA_UNSATISFIABLE'],
];

async function diagnose(upn: string, options: string[]) {
  const { code, stdout, stderr } = await runCli(['diagnose', upn, ...options, '--json']);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout);
}

const codesOf = (verdict: { layers: Array<{ findings: Array<{ code: string }> }> }, layer: number) => verdict.layers[layer - 1].findings.map((f) => f.code);

describe('sandbox demo users for the device, hardware, provider and Conditional Access checks', () => {
  it.each(EXPECTED)('diagnoses %s %j as %s, root cause %s', async (upn, options, outcome, rootCause) => {
    const verdict = await diagnose(upn, options);
    expect(verdict.outcome).toBe(outcome);
    expect(verdict.rootCause?.code ?? null).toBe(rootCause);
  });

  it('asks which Windows device Wendy registers on before calling her Windows Hello for Business a conflict', async () => {
    const verdict = await diagnose('wendy@contoso.com', ['--os', 'windows', '--os-version', '11', '--browser', 'edge', '--path', 'windows-hello']);
    expect(codesOf(verdict, 7)).toEqual(['L7.WHFB_MAY_CONFLICT']);
    expect(codesOf(verdict, 2)).not.toContain('L2.AUTHENTICATOR_BLOCKED');
  });

  it('names the Conditional Access policy that blocked Pablo, and reads Quinn\'s 50074 as a prompt', async () => {
    const pablo = await diagnose('pablo@contoso.com', []);
    expect(pablo.layers[3].findings.find((f: { code: string }) => f.code === 'L4.SIGNIN_BLOCKED_BY_CA').message).toContain('"Block access from outside the corporate network"');
    const quinn = await diagnose('quinn@contoso.com', ['--os', 'ios', '--os-version', '17.4', '--browser', 'safari', '--path', 'authenticator-app']);
    expect(codesOf(quinn, 4)).toEqual(['L4.MFA_RECENT', 'L4.SIGNIN_INTERRUPTED']);
  });

  it('infers Hannah\'s iPhone from her sign-in and says so', async () => {
    const verdict = await diagnose('hannah@contoso.com', ['--path', 'authenticator-app']);
    expect(verdict.device).toMatchObject({ os: 'ios', osVersion: '16.7', browser: 'safari', path: 'authenticator-app', source: 'mixed' });
    expect(codesOf(verdict, 5)).toContain('L5.DEVICE_INFERRED');
  });

  it('points Maria at the passkey in iCloud Keychain and offers to remove it', async () => {
    const verdict = await diagnose('maria@contoso.com', ['--path', 'authenticator-app']);
    const wrong = verdict.layers[6].findings.find((f: { code: string }) => f.code === 'L7.WRONG_PROVIDER');
    expect(wrong.evidence).toMatchObject({ registered: true, authenticator: 'Apple Passwords (iCloud Keychain)' });
    expect(wrong.fix).toMatch(/AutoFill & Passwords/);
    expect(verdict.suggestedActions).toContain('remove-passkey');
    expect(verdict.recentFailures[0]).toMatchObject({ authenticatorName: 'Apple Passwords (iCloud Keychain)' });
  });

  it('keeps the Payments Team policy away from the other demo users', async () => {
    for (const upn of ['carol@contoso.com', 'bob@contoso.com', 'maria@contoso.com']) {
      expect(codesOf(await diagnose(upn, []), 3)).not.toContain('L3.REGISTRATION_CA_UNSATISFIABLE');
    }
  });
});
