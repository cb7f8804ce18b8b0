/**
 * The sentences the shared cards show about a workflow's request, worded from
 * its state: the workflows return records, and these say them. Each state's
 * type guarantees what its sentence names (who approved an issued pass, why
 * a removal failed). Never the pass itself: the record has no field for it.
 */
import { targetName, timeText } from '../actions/approvalRequest';
import type { EscalationRecord } from '../actions/escalation';
import { passkeyName, type RemovalRecord } from '../actions/removalRecord';
import type { TapApproved, TapIssued, TapRecord } from '../actions/tapRecord';
import { durationText } from '../diagnosis/wording';
import { SECURITY_INFO } from '../model/findingWords/places';
import { routeOwnerLabel } from '../model/owners';

/** One line for the shared TAP card: who asked, where it stands. */
export function tapSummary(record: TapRecord): string {
  const who = targetName(record.target);
  switch (record.state) {
    case 'requested':
      return `${record.requestedBy.name} asked for a Temporary Access Pass for ${who} at ${timeText(record.requestedAt)}; waiting for an approver.`;
    case 'approved':
      return `${record.approvedBy.name} approved; ${who} already has a usable pass, so ${record.approvedBy.name} must confirm replacing it.`;
    case 'issuing':
      return `${record.approvedBy.name} approved; the pass for ${who} is being created.`;
    case 'issued': {
      const usage = record.issued.isUsableOnce ? 'one-time' : 'reusable until it expires';
      return `TAP issued by ${record.approvedBy.name} for ${who}, valid from ${timeText(record.issued.validFrom)} to ${timeText(record.issued.validUntil)}, ${usage}.`;
    }
    case 'denied':
      return `${record.deniedBy.name} denied the Temporary Access Pass for ${who}.`;
    case 'failed':
      return `The pass for ${who} could not be issued: ${record.failure.message} An approver can try again.`;
    case 'expired':
      return `The request for a Temporary Access Pass for ${who} expired unanswered at ${timeText(record.expiresAt)}; request again if it is still needed.`;
  }
}

/** The question to the approver who was shown a usable pass. */
export function replaceQuestion(record: TapApproved): string {
  const until = record.replaces.validUntil ? ` (valid until ${timeText(record.replaces.validUntil)})` : '';
  return `${targetName(record.target)} already has a usable Temporary Access Pass${until}. Issuing a new one replaces it; whoever holds the old one can no longer use it. Replace it?`;
}

/**
 * What the approver tells the user, shown beside the pass. `registrationMinutes`
 * is the diagnosis's MFA freshness (Learn says 5 minutes on the passkey page
 * and 10 on the TAP page; the stricter one is kept everywhere).
 */
export function tapInstructions(record: TapIssued, registrationMinutes: number): string[] {
  const { issued } = record;
  const who = targetName(record.target);
  const lines = [
    `Give the pass to ${who} over a channel where you know it is them (a call you placed, in person) — not by email or chat.`,
    `${who} signs in at ${SECURITY_INFO} (My Sign-ins, Security info) with the pass, then adds the passkey there.`,
  ];
  if (issued.isUsableOnce) {
    lines.push(`The pass works for one sign-in: the passkey must be registered within ${registrationMinutes} minutes of signing in with it.`);
  }
  lines.push(`It is valid from ${timeText(issued.validFrom)} for ${durationText(issued.lifetimeInMinutes * 60_000)}. This is the only time it is shown.`);
  return lines;
}

/** One line for the shared removal card. */
export function removalSummary(record: RemovalRecord): string {
  const who = targetName(record.target);
  const passkey = passkeyName(record.passkey);
  const revoke = record.revokeSessions ? ' and sign them out everywhere' : '';
  switch (record.state) {
    case 'requested':
      return `${record.requestedBy.name} asked to remove ${who}'s passkey ${passkey}${revoke}; waiting for an approver.`;
    case 'approved':
      return `${record.approvedBy.name} approved; removing ${who}'s passkey ${passkey}.`;
    case 'removed': {
      const { removed } = record;
      const sessions = !record.revokeSessions ? '' : removed.sessionsRevoked ? '; sessions revoked' : '; sessions NOT revoked';
      return `${record.approvedBy.name} removed ${who}'s passkey ${passkey}${removed.alreadyGone ? ' (it was already gone)' : ''}${sessions}.`;
    }
    case 'denied':
      return `${record.deniedBy.name} denied removing ${who}'s passkey ${passkey}.`;
    case 'failed':
      return `${who}'s passkey ${passkey} could not be removed: ${record.failure.message} An approver can try again.`;
    case 'expired':
      return `The request to remove ${who}'s passkey ${passkey} expired unanswered at ${timeText(record.expiresAt)}.`;
  }
}

/** The verdict card's line about its escalation. */
export function escalationSummary(record: EscalationRecord): string {
  const team = routeOwnerLabel(record.owner);
  const where = record.delivery.channel ? `the ${team}'s channel` : `the ${team}`;
  const via =
    record.delivery.webhook === 'posted' ? (record.delivery.channel ? ' and the ticketing webhook' : ' through the ticketing webhook') : '';
  if (record.delivery.channelFailed) {
    const alsoWebhook = record.delivery.webhook === 'posted' ? ' It did reach the ticketing webhook.' : '';
    return `Not delivered: the escalation by ${record.escalatedBy.name} at ${timeText(record.escalatedAt)} did not reach the ${team}'s channel (is Passkey Doctor still in that team?).${alsoWebhook} Retry below.`;
  }
  return record.state === 'sent'
    ? `Escalated to ${where}${via} by ${record.escalatedBy.name} at ${timeText(record.escalatedAt)}.`
    : `Escalation to the ${team} by ${record.escalatedBy.name} could not be delivered; escalate again.`;
}
