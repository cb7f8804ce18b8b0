/**
 * What each refusal says to the person who clicked, beside the refusal-code
 * catalogue (refusals.ts): one template per code, and per variant where one
 * code reads several ways (a pass or a passkey, say). `{param}` is filled
 * from the parameters the workflow gives, so a writer edits sentences here.
 * refusals.ts holds this table to the catalogue: a code without words does
 * not compile.
 */
const HOW_TO_REGISTER = 'No channel is registered for the {team}: in their Teams channel, mention Passkey Doctor and type "route {owner} here", then escalate again.';
const PRIVILEGED_ACCOUNT = 'A Temporary Access Pass for a privileged account must come from a Privileged Authentication Administrator, not the help desk: escalate to the identity team.';
const NOT_IN_TAP_POLICY = 'the Temporary Access Pass policy, so they could not sign in with a pass. Escalate to the identity team.';

export const REFUSAL_WORDS = {
  'AUTH.NOT_OPERATOR': { default: 'Only members of the Passkey Doctor operators group can do this, so nothing was looked up.' },
  'AUTH.NOT_APPROVER': { default: 'Only members of the TAP approvers group can do this, so nothing was changed.' },
  'AUTH.OWN_REQUEST': { default: 'You made this request, so another approver must answer it (TAP_SECOND_APPROVER is on).' },
  'AUTH.NOT_CONFIGURED': {
    default: 'Nobody may do this yet: {variable} is not set. Ask the Passkey Doctor administrator to set it.',
    tapIssuance: 'Temporary Access Pass issuance is off: TAP_APPROVERS_GROUP_ID is not set, so nobody could approve it.',
  },
  'AUTH.CHECK_FAILED': {
    default: 'Could not check your group membership in Microsoft Entra, so nothing was done. Try again in a minute.',
    /** `reason`: the catalogue error's own sentence (a missing permission names itself). */
    reason: 'Could not check your group membership in Microsoft Entra, so nothing was done. {reason}',
  },
  'REQUEST.UNKNOWN': {
    default: 'Passkey Doctor knows no such request; it may be from another bot or forged.',
    run: 'This card does not belong to a diagnosis Passkey Doctor knows; re-run the diagnosis.',
    unreadable: 'Passkey Doctor cannot read this request as stored (it is incomplete); re-run the diagnosis to make a new one.',
  },
  'REQUEST.OTHER_CONVERSATION': { default: 'This request belongs to another conversation; answer it on the card where it was made.' },
  'REQUEST.ALREADY_OPEN': {
    tap: '{requester} already requested a pass for {who} at {requestedAt}; it is waiting for an approver.',
    /** The user's one open pass request is for another diagnosis. */
    tapOther: '{requester} already requested a pass for {who} at {requestedAt}; approve or deny that one (it waits until {expiresAt}).',
    /** Another click holds the user's claim and its request is not stored yet. */
    tapBeingMade: 'Another Temporary Access Pass request for this user is being made right now; look for its card, then approve or deny that one.',
    removal: '{requester} already asked to remove this passkey at {requestedAt}; it is waiting for an approver.',
  },
  'REQUEST.ALREADY_DONE': {
    tap: '{approver} already issued this pass; it was shown once, to them, and is never shown again. If it was lost, re-run the diagnosis and request a new one.',
    removal: '{approver} already removed this passkey.',
    /** Follows the escalation's own line, which the card words. */
    escalation: 'It is sent once per diagnosis; re-run the diagnosis to escalate again.',
  },
  'REQUEST.IN_PROGRESS': {
    default: 'Someone answered this request at the same moment; look at the card again before acting.',
    tap: '{approver} is issuing this pass right now.',
    removal: '{approver} is removing this passkey right now.',
  },
  'REQUEST.DENIED': { default: '{denier} denied this request.' },
  'REQUEST.EXPIRED': {
    tap: 'This request expired at {expiresAt}; re-run the diagnosis to request again.',
    removal: 'This request expired at {expiresAt}; list the passkeys again to make a new one.',
  },
  'REQUEST.RATE_LIMITED': {
    default:
      'You have requested {perHour} Temporary Access Passes in the last hour, the most allowed (TAP_REQUESTS_PER_HOUR). You can request another at {retryAt}.',
  },
  'TARGET.NOT_FOUND': {
    tap: 'This diagnosis found no user, so there is nobody to issue a pass to.',
    removal: 'This diagnosis found no user, so there are no passkeys to remove.',
    escalation: 'This diagnosis found no user; there is nothing to escalate.',
    gone: '{upn} no longer exists in the directory as the user that was diagnosed; re-run the diagnosis.',
  },
  'TARGET.GUEST': {
    default:
      '{who} is a guest: a guest cannot register a passkey here, and an external guest cannot get a Temporary Access Pass. Escalate to the identity team.',
  },
  'TARGET.DISABLED': { default: "{who}'s account is disabled, so a pass would not let them sign in. Enable the account first." },
  'TARGET.PRIVILEGED': {
    activeRole: `{who} holds {roles}. ${PRIVILEGED_ACCOUNT}`,
    eligibleRole: `{who} is eligible for a directory role through Privileged Identity Management. ${PRIVILEGED_ACCOUNT}`,
    ourGroup: '{who} is in {group}: a Temporary Access Pass from the help desk would hand over the power to act in Passkey Doctor. Escalate to the identity team.',
  },
  'TARGET.TAP_DISABLED': {
    default:
      'The Temporary Access Pass method is turned off in the authentication methods policy, so a pass would not work. Escalate to the identity team.',
  },
  'TARGET.TAP_OUT_OF_SCOPE': {
    excluded: `{who} is excluded from ${NOT_IN_TAP_POLICY}`,
    notIncluded: `{who} is not included in ${NOT_IN_TAP_POLICY}`,
  },
  'TARGET.UNCHECKED': {
    default: 'Could not check {what}: {reason} Nothing was done; fix that and try again.',
    roles: 'Could not check whether {who} holds a directory role. Nothing was done; try again.',
  },
  'PASSKEY.NOT_FOUND': { default: '{who} has no such passkey (any more); list the passkeys again.' },
  'GRAPH.FAILED': {
    /** `reason`: the failed write's own sentence (src/graph/writes.ts). */
    default: '{reason}',
    account: "Could not read {who}'s account from Microsoft Graph, so nothing was done. Try again in a minute.",
  },
  'ESCALATION.NO_OWNER': { default: 'Nothing in this verdict fails or warns, so there is no team to escalate to.' },
  'ESCALATION.NO_CHANNEL': {
    default: HOW_TO_REGISTER,
    webhookFailed: `The ticketing webhook did not accept the escalation. ${HOW_TO_REGISTER}`,
  },
} as const;
