/**
 * The registration digest in Teams: `report [days]` posts it here;
 * `route digest here` (in a channel) registers where the weekly digest goes;
 * a Diagnose button on an outreach row runs the normal diagnosis in place,
 * for the clicker. The button's data is a digest id and a row: the server
 * looks the person up in the stored digest of this conversation.
 */
import { randomUUID } from 'node:crypto';
import { ActivityTypes, TurnContext } from 'botbuilder';
import { currentWindowStart } from '../../config/digestSchedule';
import { digestCard, noticeCard, type AdaptiveCardJson } from '../../cards/render';
import type { NoticeView } from '../../cards/noticeView';
import { VERBS } from '../../cards/verbs';
import { parseDays } from '../../input/reportDays';
import { PasskeyDoctorError } from '../../errors/catalog';
import type { RegistrationReport } from '../../tenant/report/types';
import { inSharedConversation, STALE_CARD } from '../actionTurn';
import { normaliseText } from '../commandText';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature, BotServices, CardActionSpec, Turn } from '../feature';
import { cardWhenReady } from './diagnose';
import type { z } from 'zod';
import { digestRowData } from '../cardData';

const readingView = (days: number): NoticeView => ({
  title: `Reading ${days} days of registration audit events…`,
  message: 'The audit log is read page by page behind any diagnosis typed meanwhile, within Microsoft Graph\'s reports limit.',
  hint: 'This message turns into the digest when it is ready.',
  style: 'emphasis',
  color: 'Default',
  reference: '',
});

function digestServices(services: BotServices): NonNullable<BotServices['digest']> {
  if (!services.digest) throw new PasskeyDoctorError('CONFIG_INVALID', 'digestMissing');
  return services.digest;
}

/** Stores the outreach list under a new digest id and builds the card that points into it. */
export async function digestCardFor(
  services: NonNullable<BotServices['digest']>,
  report: RegistrationReport,
  conversationId: string,
): Promise<AdaptiveCardJson> {
  const digestId = randomUUID();
  await services.store.saveOutreach(digestId, conversationId, report.outreach.map((o) => o.userPrincipalName), new Date());
  return digestCard(report, digestId);
}

const diagnoseFromDigest: CardActionSpec<z.infer<typeof digestRowData>> = {
  verb: VERBS.digestDiagnose,
  audience: 'operator',
  data: digestRowData,
  misfit: STALE_CARD,
  handle: async (turn, data) => {
    const upn = await digestServices(turn.services).store.personAt(data.digestId, data.row, turn.ctx.activity.conversation.id);
    if (!upn) return STALE_CARD;
    const { card } = await diagnoseAndRecord(turn, { subject: upn, compare: true });
    return { clicker: card };
  },
};

async function registerDigestChannel(turn: Turn): Promise<void> {
  const digest = digestServices(turn.services);
  if (!inSharedConversation(turn)) {
    throw new PasskeyDoctorError('USAGE', 'digestRouteInPersonalChat');
  }
  const at = new Date();
  const conversation = TurnContext.getConversationReference(turn.ctx.activity);
  await digest.store.registerRoute({ conversation, registeredBy: turn.actor, registeredAt: at.toISOString() });
  if (digest.schedule === 'off') {
    await turn.ctx.sendActivity(
      'This channel is registered for the weekly registration digest, but DIGEST_SCHEDULE is off: nothing will be posted until it is set. ' +
        'Type "report" for one now.',
    );
    return;
  }
  // The week already under way is not posted now; the first digest comes at the next scheduled time.
  await digest.store.skipToWindow(currentWindowStart(digest.schedule, at).toISOString());
  await turn.ctx.sendActivity(
    `The weekly registration digest will be posted in this channel (${digest.schedule.text}). Type "report" for one now.`,
  );
}

export const digestFeature: BotFeature = {
  commands: [
    {
      pattern: /^route\s+digest\s+here\s*$/i,
      audience: 'operator',
      handle: (turn) => registerDigestChannel(turn),
    },
    {
      pattern: /^report\b/i,
      audience: 'operator',
      handle: async (turn, text) => {
        const [, days, ...rest] = normaliseText(text).split(' ');
        if (rest.length) {
          throw new PasskeyDoctorError('USAGE', 'reportCommand');
        }
        const digest = digestServices(turn.services);
        const wanted = parseDays(days);
        await turn.ctx.sendActivity({ type: ActivityTypes.Typing });
        const card = digest.report.report(wanted).then((report) => digestCardFor(digest, report, turn.ctx.activity.conversation.id));
        // A long window in a big tenant pages slowly at background priority: say so, then replace it with the digest.
        await cardWhenReady(turn, card, () => noticeCard(readingView(wanted)));
      },
    },
  ],
  cardActions: [diagnoseFromDigest],
};
