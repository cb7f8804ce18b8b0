/**
 * Every verdict a running bot's diagnosis service produces, in order: the
 * burst benchmark and the help-desk HTTP tests judge what the technicians'
 * cards were built from (did layer 4 get its logs?) without parsing cards.
 */
import type { RunningBot } from '../bot/startup';
import type { Verdict } from '../model/verdictTypes';

export function recordVerdicts(bot: RunningBot): Verdict[] {
  const verdicts: Verdict[] = [];
  const service = bot.runtime.service;
  const diagnose = service.diagnose.bind(service);
  service.diagnose = async (request) => {
    const verdict = await diagnose(request);
    verdicts.push(verdict);
    return verdict;
  };
  return verdicts;
}
