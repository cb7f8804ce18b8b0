/**
 * Verdicts of every outcome for card tests and screenshots, from the real
 * diagnosis on the sandbox tenant. The sandbox has no user who is fully
 * ready until layers 5–7 land, so "ready" is carol's verdict with those
 * layers passed, as they will be once her device is known.
 */
import type { Outcome, Verdict } from '../../src/diagnosis/verdictTypes';
import { sandboxGateway } from '../support/sandboxGateway';

export interface SampleVerdict {
  name: string;
  outcome: Outcome;
  verdict: Verdict;
}

function asReady(incomplete: Verdict): Verdict {
  const layers = incomplete.layers.map((layer) =>
    layer.status === 'pass' ? layer : { ...layer, status: 'pass' as const, findings: [] },
  );
  return {
    ...incomplete,
    outcome: 'ready',
    layers,
    suggestedActions: ['rerun'],
    device: { os: 'ios', osVersion: '17.2', browser: 'safari', path: 'authenticator-app', authenticator: '90a3ccdf-635c-4729-a248-9b709135078f', source: 'given' },
  };
}

export async function sampleVerdicts(): Promise<SampleVerdict[]> {
  const tenant = await sandboxGateway();
  try {
    const samples: SampleVerdict[] = [];
    const add = async (name: string, upn: string) => {
      const verdict = await tenant.diagnose(upn);
      samples.push({ name, outcome: verdict.outcome, verdict });
      return verdict;
    };
    await add('blocked-alice-no-mfa', 'alice@contoso.com');
    await add('blocked-bob-excluded', 'bob@contoso.com');
    await add('blocked-erin-authenticator', 'erin@contoso.com');
    await add('at-risk-dave-stale-mfa', 'dave@contoso.com');
    const carol = await add('incomplete-carol', 'carol@contoso.com');
    samples.push({ name: 'ready-carol', outcome: 'ready', verdict: asReady(carol) });
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
