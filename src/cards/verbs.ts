/**
 * `Action.Execute` verbs on the cards. The templates spell them out (so the
 * designer shows them); handlers register by these names, and a card test
 * checks that the two agree. Card `data` carries only ids, e.g. `{ runId }`.
 */
export const VERBS = {
  rerun: 'verdict.rerun',
  deviceSubmit: 'device.submit',
  tapRequest: 'tap.request',
  tapApprove: 'tap.approve',
  tapDeny: 'tap.deny',
  escalate: 'escalate',
  passkeyRemove: 'passkey.remove',
  passkeyRemovalRequest: 'passkey.removal.request',
  passkeyRemovalApprove: 'passkey.removal.approve',
  passkeyRemovalDeny: 'passkey.removal.deny',
  policyRecheck: 'policy.recheck',
  digestDiagnose: 'digest.diagnose',
  sweepCancel: 'sweep.cancel',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
