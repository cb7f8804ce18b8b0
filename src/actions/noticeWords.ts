/**
 * What a workflow tells the person who clicked when the action stands but
 * something beside it did not go as planned, and the escalation's headline:
 * the sentences live here, beside refusalWords.ts, so workflows hold none.
 */
export const NOTICE_WORDS = {
  routeRegistered: 'Escalations for the {team} will be posted in this channel.',
  webhookRefused: 'Posted to the channel, but the ticketing webhook did not accept it.',
  webhookOnly: 'Sent to the ticketing webhook only. {noChannel}',
  sessionsNotRevoked: 'The passkey is removed, but the sessions were not revoked: {reason}',
  tapCreateThrew: 'Creating the pass failed unexpectedly; if one was made nobody has seen it, and approving again replaces it.',
  escalationHeadline: '{name} cannot register a passkey: {cause}.',
  rootCauseLayer: 'layer {layer} ({code})',
  outcomeOnly: 'outcome {outcome}',
} as const;
