/**
 * The small "checking…" card a diagnosis posts when it takes longer than a
 * second, saying what it waits for; the verdict card later replaces it in
 * the same message. Built on the notice template.
 */
import type { NoticeView } from './noticeView';

export function checkingView(subject: string, waitingFor: string): NoticeView {
  return {
    title: `Checking ${subject}…`,
    message: `Waiting for ${waitingFor}.`,
    hint: 'This message turns into the verdict when it is ready.',
    style: 'emphasis',
    color: 'Default',
    reference: '',
  };
}
