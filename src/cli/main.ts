#!/usr/bin/env node
/**
 * `passkey-doctor` — the command line (docs/contracts.md §2). stdout carries only the
 * result (the verdict JSON with --json); every problem is one line on stderr
 * and a defined exit code.
 */
import { loadConfig } from '../config/schema';
import { ERRORS, isPasskeyDoctorError } from '../errors/catalog';
import { createRuntime, type Runtime } from '../wiring/runtime';
import { unreadableUserError } from '../diagnosis/unreadableUser';
import { parseCommand, USAGE } from './args';
import { renderPolicyCheck } from './renderPolicyCheck';
import { csvUnavailable, renderReport, renderReportCsv } from './renderReport';
import { runSweep } from './sweep';
import { renderVerdict } from './renderVerdict';
import { colourEnabled, styler } from './style';
import type { CliIo } from './io';

export async function run(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  let runtime: Runtime | undefined;
  if (argv.length === 0) {
    // Nothing asked: the usage, on stderr since nothing was done, and the usage-error exit code.
    io.stderr.write(USAGE + '\n');
    return ERRORS.USAGE.exitCode;
  }
  try {
    const command = parseCommand(argv);
    if (command.name === 'help') {
      io.stdout.write(USAGE + '\n');
      return 0;
    }
    runtime = await createRuntime(loadConfig(io.env), { env: io.env });
    const style = styler(colourEnabled(io.stdout, io.env));
    if (command.name === 'policy-check') {
      const document = await runtime.policyCheck.check();
      io.stdout.write(
        command.json ? JSON.stringify(document, null, 2) + '\n' : renderPolicyCheck(document, style),
      );
      return 0;
    }
    if (command.name === 'report') {
      // Refused before the workspace is queried, not after.
      if (command.format === 'csv' && runtime.config.logAnalyticsWorkspaceId) throw csvUnavailable();
      const report = await runtime.report.report(command.days);
      if (command.format === 'json') io.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else if (command.format === 'csv') io.stdout.write(renderReportCsv(report));
      else io.stdout.write(renderReport(report, style));
      return 0;
    }
    if (command.name === 'sweep') return await runSweep(runtime, command, io, style);
    const verdict = await runtime.service.diagnose(command.request);
    const refused = unreadableUserError(verdict);
    if (refused) throw refused;
    io.stdout.write(
      command.json
        ? JSON.stringify(verdict, null, 2) + '\n'
        : renderVerdict(verdict, style, io.stdout.columns ?? 140),
    );
    return 0;
  } catch (error) {
    if (isPasskeyDoctorError(error)) {
      io.stderr.write(`passkey-doctor: ${error.message}\n`);
      return ERRORS[error.code].exitCode;
    }
    io.stderr.write(`passkey-doctor: unexpected error: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  } finally {
    await runtime?.close();
  }
}

if (require.main === module) {
  // The CLI's stderr is for one-line errors; routine logs stay quiet unless asked for.
  process.env.LOG_LEVEL ??= 'warn';
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
