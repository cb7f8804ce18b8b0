/**
 * Steps of the card-action flows through the in-process bot: diagnose, click
 * a verdict card's button, find the request card it posted, read a pass out
 * of the approver's answer. Shared by the TAP, removal, escalation and audit
 * tests.
 */
import type { Activity } from 'botbuilder';
import { SANDBOX_GROUPS, SANDBOX_USERS } from '../../src/sandbox';
import { cardsIn, OPERATOR, type BotHarness, type InvokeAnswer, type Person } from './harness';

/** Adele: TAP approvers only (not an operator). */
export const APPROVER: Person = { id: '29:adele', name: SANDBOX_USERS.approver.displayName, aadObjectId: SANDBOX_USERS.approver.id };
/** Carol: in neither group, unless a test puts her in one. */
export const CAROL: Person = { id: '29:carol', name: SANDBOX_USERS.ready.displayName, aadObjectId: SANDBOX_USERS.ready.id };

export const CHANNEL = { id: '19:identity-team@thread.tacv2', isGroup: true, conversationType: 'channel', name: 'Identity team' };

/** Adds someone to a sandbox group (before the bot first asks about them: the guard caches for a minute). */
export function addToGroup(bot: BotHarness, group: keyof typeof SANDBOX_GROUPS, person: Person): void {
  bot.sandbox.tenant.groups.find((g) => g.object['id'] === SANDBOX_GROUPS[group])!.memberIds.push(person.aadObjectId);
}

export interface PostedCard {
  id: string;
  card: any;
}

export async function diagnose(bot: BotHarness, upn: string, from: Person = OPERATOR, extra: Partial<Activity> = {}): Promise<PostedCard & { runId: string }> {
  const [message] = (await bot.say(`diagnose ${upn}`, from, extra)).filter((a) => a.type === 'message');
  const card = cardsIn([message])[0];
  return { id: message.id!, card, runId: card.actions.find((a: any) => a.verb === 'verdict.rerun').data.runId };
}

/** Clicks a button and returns its answer with the cards the click posted to the conversation. */
export async function clickAndCollect(bot: BotHarness, verb: string, data: Record<string, unknown>, replyToId: string, from: Person = OPERATOR, extra: Partial<Activity> = {}) {
  const before = bot.adapter.shared.length;
  const answer = await bot.click(verb, data, replyToId, from, extra);
  const activity = bot.adapter.shared.slice(before);
  const posted: PostedCard[] = activity.filter((a) => a.op === 'post' && a.type === 'message' && a.attachments?.length).map((a) => ({ id: a.id!, card: a.attachments![0].content }));
  const updated: PostedCard[] = activity.filter((a) => a.op === 'update').map((a) => ({ id: a.id!, card: a.attachments![0].content }));
  return { answer, posted, updated };
}

/** The card message as everyone sees it now. */
export const sharedCard = (bot: BotHarness, id: string) => bot.adapter.activeQueue.find((a) => a.id === id)!.attachments![0].content;

export const actionsOf = (card: any): Array<{ verb: string; data: Record<string, unknown>; title: string }> => card.actions ?? [];

/** Every Action.Execute anywhere in a card, including those inside its body. */
export const executeActions = (node: unknown): Array<{ verb: string; data: Record<string, unknown>; title: string }> =>
  Array.isArray(node)
    ? node.flatMap(executeActions)
    : node && typeof node === 'object'
      ? [...((node as any).type === 'Action.Execute' ? [node as any] : []), ...Object.values(node).flatMap(executeActions)]
      : [];

export const textOf = (node: unknown): string => JSON.stringify(node);

/** The pass in an approver's answer: the secret card's one TextRun with id `pass`. */
export function passIn(answer: InvokeAnswer | undefined): string {
  if (answer?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`expected a card, got ${JSON.stringify(answer)}`);
  const block = answer.value.body.find((e: any) => e.id === 'pass');
  return block.inlines[0].text;
}

export const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

export const tapPosts = (bot: BotHarness) => bot.sandbox.requestLog.filter((r) => r.method === 'POST' && /\/temporaryAccessPassMethods$/.test(r.path));

/** Alice's verdict card, then "Request TAP" on it: the request card posted for approvers. */
export async function requestTapForAlice(bot: BotHarness, from: Person = OPERATOR, extra: Partial<Activity> = {}) {
  const verdict = await diagnose(bot, SANDBOX_USERS.noMfaMethod.userPrincipalName, from, extra);
  const clicked = await clickAndCollect(bot, 'tap.request', { runId: verdict.runId }, verdict.id, from, extra);
  const request = clicked.posted[0];
  return { verdict, answer: clicked.answer, request, requestId: request?.card.actions?.[0]?.data.requestId as string };
}
