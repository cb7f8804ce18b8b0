/** `sweep <group>`: the document, the summary or the CSV on stdout; progress on stderr when it is a terminal. */
import type { Runtime } from '../wiring/runtime';
import type { Command } from './args';
import type { CliIo } from './io';
import { csvLines } from '../tenant/sweep/csv';
import type { SweepProgress } from '../tenant/sweep/types';
import { renderSweep } from './renderSweep';
import type { Styler } from './style';

type SweepCommand = Extract<Command, { name: 'sweep' }>;

const progressLine = (p: SweepProgress): string =>
  `\r${p.phase}: ${p.judged.toLocaleString('en-GB')} of ${p.membersRead.toLocaleString('en-GB')} members judged, ${p.pagesLeft} report pages left` +
  `${p.quotaWaitMs > 0 ? `, quota wait ${Math.ceil(p.quotaWaitMs / 1000)} s` : ''}   `;

export async function runSweep(runtime: Runtime, command: SweepCommand, io: CliIo, style: Styler): Promise<number> {
  // `sweep … --csv | head` closes the pipe early: that is the reader's choice, not a crash.
  io.stdout.on?.('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const { stderr } = io;
  const doc = await runtime.sweep.run(command.group, {
    ...(command.authenticator ? { authenticator: command.authenticator } : {}),
    onProgress: stderr.isTTY ? (p) => stderr.write(progressLine(p)) : undefined,
  });
  if (stderr.isTTY) stderr.write('\n');
  // One line for what no member could get (a 403 on the report…), whatever the format.
  for (const note of doc.notes) stderr.write(`passkey-doctor: ${note}\n`);
  if (command.format === 'json') io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  else if (command.format === 'csv') {
    for (const line of csvLines(doc.users)) io.stdout.write(line);
  } else io.stdout.write(renderSweep(doc, style));
  return 0;
}
