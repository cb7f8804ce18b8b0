/**
 * What a person or a script reads when Passkey Doctor stops is the sentence
 * of the catalogue (src/errors/catalog.ts) with its parameters filled in:
 * the same words, whichever path raised the code, with the code's exit code.
 */
import { startSandbox, type SandboxServer } from '../../src/sandbox';
import { ERRORS, ERROR_OF_GAP, errorMessage, isPasskeyDoctorError, PasskeyDoctorError } from '../../src/errors/catalog';
import { parseUpn } from '../../src/input/request';
import { runCli } from '../support/captureIo';

describe('an error says its catalogue sentence, filled in', () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('a user principal name typed wrong in the CLI: BAD_UPN, exit 2, the malformed-UPN sentence inside the help line', async () => {
    const { code, stdout, stderr } = await runCli(['diagnose', 'not-an-upn'], { GRAPH_BASE_URL: sandbox.url });
    const sentence = errorMessage('BAD_UPN', 'malformed', { upn: 'not-an-upn' });
    expect(sentence).toBe('"not-an-upn" is not a user principal name; type it like alice@contoso.com.');
    expect(code).toBe(ERRORS.BAD_UPN.exitCode);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`passkey-doctor: ${errorMessage('BAD_UPN', 'diagnoseOptions', { problems: sentence.replace(/\.$/, '') })}\n`);
    expect(stderr).toBe('passkey-doctor: "not-an-upn" is not a user principal name; type it like alice@contoso.com; see passkey-doctor help.\n');
  });

  it('the same code from the input parser the bot shares carries the same sentence and names its variant', () => {
    const thrown = (() => {
      try {
        parseUpn('bob');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(isPasskeyDoctorError(thrown)).toBe(true);
    const error = thrown as PasskeyDoctorError;
    expect({ code: error.code, variant: error.variant, exitCode: error.exitCode }).toEqual({ code: 'BAD_UPN', variant: 'malformed', exitCode: 2 });
    expect(error.message).toBe('"bob" is not a user principal name; type it like alice@contoso.com.');
  });

  it('a sweep of a group nobody has: BAD_GROUP, exit 2, the no-such-name sentence', async () => {
    const { code, stderr } = await runCli(['sweep', 'No Such Group'], { GRAPH_BASE_URL: sandbox.url });
    expect(code).toBe(ERRORS.BAD_GROUP.exitCode);
    expect(stderr).toBe(`passkey-doctor: ${errorMessage('BAD_GROUP', 'noSuchName', { name: 'No Such Group' })}\n`);
    expect(stderr).toBe('passkey-doctor: No group is named "No Such Group"; check the spelling or give the group\'s object id.\n');
  });

  it('a sweep whose group read Graph keeps throttling: exit 3 and the reason the read gap gives', async () => {
    sandbox.setFaults({ rules: [{ match: '^/groups', status: 429, retryAfterSeconds: 0.01 }] });
    try {
      const { code, stderr } = await runCli(['sweep', 'All Staff'], { GRAPH_BASE_URL: sandbox.url });
      expect(code).toBe(ERRORS[ERROR_OF_GAP['GRAPH.THROTTLED']].exitCode);
      expect(code).toBe(3);
      expect(stderr).toBe('passkey-doctor: Could not read the group: Microsoft Graph kept throttling the request after retries.\n');
    } finally {
      sandbox.setFaults({ rules: [] });
    }
  });

  it('keeps the structured details and the cause beside the sentence', () => {
    const cause = new Error('EADDRINUSE');
    const error = new PasskeyDoctorError('CONFIG_INVALID', 'portInUse', { port: 3978, nextPort: 3979 }, { details: { variable: 'PORT' }, cause });
    expect(error.message).toBe('port 3978 is in use — stop the other one or set PORT (e.g. PORT=3979 npm start)');
    expect(error.details).toEqual({ variable: 'PORT' });
    expect(error.cause).toBe(cause);
  });
});
