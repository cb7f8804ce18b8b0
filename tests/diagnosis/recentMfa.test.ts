import { known, missing } from '../../src/model/facts';
import { evaluateRecentMfa } from '../../src/diagnosis/layers/recentMfa/recentMfa';
import { NOW_MS, codes, contextOf, gap, minutesAgo, only, readyWorld, signIn, step, type World } from './builders';

const run = (world: World) => evaluateRecentMfa(contextOf(world));
const at = (ms: number) => new Date(ms).toISOString();

const withSignIns = (...signIns: ReturnType<typeof signIn>[]): World => {
  const world = readyWorld();
  world.signIns = known(signIns);
  return world;
};

describe('layer 4: recent MFA', () => {
  describe('MFA freshness', () => {
    it('counts MFA exactly 5 minutes ago as recent', () => {
      const f = only(run(withSignIns(signIn(minutesAgo(5)))), 'L4.MFA_RECENT');
      expect(f.severity).toBe('info');
      expect(f.evidence).toEqual(
        expect.objectContaining({ mfaTime: minutesAgo(5), method: 'Mobile app notification', operatingSystem: 'Windows 10', browser: 'Edge 131.0.0', app: 'My Signins' }),
      );
    });

    it('counts MFA 5 minutes and 1 second ago as stale, and says how long ago', () => {
      const findings = run(withSignIns(signIn(at(NOW_MS - 5 * 60_000 - 1000))));
      expect(codes(findings)).toEqual(['L4.MFA_STALE']);
      expect(findings[0].message).toContain('last MFA was 5 minutes ago');
      expect(findings[0].fix).toContain('https://mysignins.microsoft.com/security-info');
    });

    it('uses the configured freshness window', () => {
      const world = withSignIns(signIn(minutesAgo(9)));
      world.settings.mfaFreshnessMinutes = 10;
      expect(codes(run(world))).toEqual(['L4.MFA_RECENT']);
    });

    it('says hours or days for older MFA', () => {
      expect(only(run(withSignIns(signIn(minutesAgo(180)))), 'L4.MFA_STALE').message).toContain('3 hours ago');
      expect(only(run(withSignIns(signIn(minutesAgo(60 * 24 * 3)))), 'L4.MFA_STALE').message).toContain('3 days ago');
    });

    it('takes the latest sign-in with MFA, not the latest sign-in', () => {
      const passwordOnly = signIn(minutesAgo(1), { authenticationDetails: [step('Password', 'Primary authentication')] });
      expect(only(run(withSignIns(passwordOnly, signIn(minutesAgo(30)))), 'L4.MFA_STALE').message).toContain('30 minutes ago');
    });

    it('does not take a password, "Previously satisfied" or "Claim in access token" as MFA', () => {
      const carried = signIn(minutesAgo(1), {
        authenticationDetails: [step('Password', 'Primary authentication'), step('Previously satisfied', 'MFA'), step('Claim in access token', 'MFA')],
      });
      const f = only(run(withSignIns(carried)), 'L4.MFA_STALE');
      expect(f.message).toContain('has not completed MFA in any sign-in of the last 7 days');
    });

    it('counts a FIDO2 passkey as the primary step as MFA', () => {
      const passkey = signIn(minutesAgo(1), { authenticationDetails: [step('FIDO2', 'Primary authentication')] });
      expect(codes(run(withSignIns(passkey)))).toEqual(['L4.MFA_RECENT']);
    });

    it('does not count SMS sign-in as the only, primary step', () => {
      const smsSignIn = signIn(minutesAgo(1), { authenticationDetails: [step('Text message', 'Primary authentication')] });
      expect(codes(run(withSignIns(smsSignIn)))).toEqual(['L4.MFA_STALE']);
    });

    it('ignores an MFA step in a sign-in that failed overall', () => {
      const failed = signIn(minutesAgo(1), { appId: 'other-app', errorCode: 53003 });
      expect(codes(run(withSignIns(failed)))).toEqual(['L4.MFA_STALE']);
    });

    it('ignores a failed MFA step', () => {
      const denied = signIn(minutesAgo(1), {
        authenticationDetails: [step('Password', 'Primary authentication'), step('Mobile app notification', 'MFA', { succeeded: false })],
      });
      expect(codes(run(withSignIns(denied)))).toEqual(['L4.MFA_STALE']);
    });

    it('warns when there is no sign-in at all in the look-back window', () => {
      const f = only(run(withSignIns(signIn(minutesAgo(60 * 24 * 8)))), 'L4.NO_RECENT_SIGNIN');
      expect(f.severity).toBe('warn');
      expect(f.message).toContain('last 7 days');
    });
  });

  describe('failed sign-ins to My Sign-ins', () => {
    it('explains the error of the latest failed My Sign-ins sign-in', () => {
      const failed = signIn(minutesAgo(1), { errorCode: 50126, failureReason: 'Invalid username or password.' });
      const f = only(run(withSignIns(failed, signIn(minutesAgo(2)))), 'L4.RECENT_SIGNIN_FAILED');
      expect(f.message).toContain('error 50126 (InvalidUserNameOrPassword): invalid username or password');
      expect(f.evidence).toEqual(expect.objectContaining({ errorCode: 50126, kind: 'failure', meaning: 'invalid username or password' }));
    });

    it('says a Conditional Access policy blocked the sign-in even when the log names none that failed', () => {
      const blocked = signIn(minutesAgo(1), { errorCode: 53010, appliedConditionalAccessPolicies: [] });
      const f = only(run(withSignIns(blocked, signIn(minutesAgo(2)))), 'L4.SIGNIN_BLOCKED_BY_CA');
      expect(f.message).toBe(
        "Alice Example's latest sign-in to My Sign-ins (2026-11-22 09:59 UTC) was blocked by a Conditional Access policy (the sign-in log entry names it): " +
          'error 53010 (ProofUpBlockedDueToSecurityInfoAcr), security info can only be set from specific locations or devices. ' +
          'Alice Example cannot reach Security info to add a passkey until it lets them through.',
      );
      expect(f.fix).toMatch(/^Check a Conditional Access policy \(the sign-in log entry names it\) for Alice Example \(Entra admin center/);
    });

    it('keeps an error code not in its table neutral and points to the reference', () => {
      const odd = signIn(minutesAgo(1), { errorCode: 90099 });
      const f = only(run(withSignIns(odd)), 'L4.SIGNIN_ERROR_UNRECOGNISED');
      expect(f.severity).toBe('info');
      expect(f.message).toContain('unrecognised code 90099');
      expect(f.fix).toContain('reference-error-codes');
    });

    it('says nothing when the latest My Sign-ins sign-in succeeded after an earlier failure', () => {
      const earlierFailure = signIn(minutesAgo(3), { errorCode: 500121 });
      expect(codes(run(withSignIns(signIn(minutesAgo(1)), earlierFailure)))).toEqual(['L4.MFA_RECENT']);
    });

    it('ignores failures in other apps', () => {
      const otherApp = signIn(minutesAgo(1), { appId: '00000003-0000-0ff1-ce00-000000000000', errorCode: 50126 });
      expect(codes(run(withSignIns(otherApp, signIn(minutesAgo(2)))))).toEqual(['L4.MFA_RECENT']);
    });
  });

  describe('when sign-ins cannot be read', () => {
    it('says Entra ID P1 or P2 is needed when the tenant has no licence for sign-in logs', () => {
      const world = readyWorld();
      world.signIns = missing(gap('GRAPH.LICENCE_MISSING'));
      const f = only(run(world), 'L4.SIGNIN_LOGS_UNAVAILABLE');
      expect(f.severity).toBe('unknown');
      expect(f.message).toContain('Entra ID P1 or P2');
    });

    it('names AuditLog.Read.All when the permission is missing', () => {
      const world = readyWorld();
      world.signIns = missing(gap('GRAPH.PERMISSION_MISSING'));
      const f = only(run(world), 'L4.SIGNIN_LOGS_UNAVAILABLE');
      expect(f.message).toContain('AuditLog.Read.All');
      expect(f.fix).toContain('AuditLog.Read.All');
    });

    it('reports other gaps as they are', () => {
      const world = readyWorld();
      world.signIns = missing(gap('GRAPH.THROTTLED'));
      expect(codes(run(world))).toEqual(['GRAPH.THROTTLED']);
    });

    it('is unknown for an external guest, whose sign-ins are logged in their home tenant', () => {
      const world = readyWorld();
      world.user.userType = 'Guest';
      world.user.userPrincipalName = 'frank_fabrikam.com#EXT#@contoso.com';
      const f = only(run(world), 'L4.GUEST_SIGNINS_IN_HOME_TENANT');
      expect(f.severity).toBe('unknown');
    });
  });
});
