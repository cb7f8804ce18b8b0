/** Verdicts of every outcome for card tests and screenshots, from the real diagnosis on the sandbox tenant. */
import type { Outcome, Verdict } from '../../src/model/verdictTypes';
import { sandboxGateway } from '../support/sandboxGateway';

export interface SampleVerdict {
  name: string;
  outcome: Outcome;
  verdict: Verdict;
}

export async function sampleVerdicts(): Promise<SampleVerdict[]> {
  const tenant = await sandboxGateway();
  try {
    const samples: SampleVerdict[] = [];
    const add = async (name: string, upn: string, device?: Parameters<typeof tenant.diagnose>[1]) => {
      const verdict = await tenant.diagnose(upn, device);
      samples.push({ name, outcome: verdict.outcome, verdict });
      return verdict;
    };
    await add('blocked-alice-no-mfa', 'alice@contoso.com');
    await add('blocked-bob-excluded', 'bob@contoso.com');
    await add('blocked-erin-authenticator', 'erin@contoso.com');
    await add('at-risk-dave-stale-mfa', 'dave@contoso.com');
    await add('incomplete-carol', 'carol@contoso.com');
    await add('ready-carol-on-iphone', 'carol@contoso.com', { os: 'ios', osVersion: '17.2', browser: 'safari', path: 'authenticator-app' });
    await add('user-not-found', 'nobody@contoso.com');
    tenant.sandbox.setLicence('free');
    await add('incomplete-carol-no-licence', 'carol@contoso.com');
    const oneil = await add('incomplete-oneil-passkey', "o'neil@contoso.com");
    samples.push({ name: 'remove-passkey-oneil', outcome: oneil.outcome, verdict: { ...oneil, suggestedActions: ['remove-passkey', ...oneil.suggestedActions] } });
    return samples;
  } finally {
    await tenant.close();
  }
}
