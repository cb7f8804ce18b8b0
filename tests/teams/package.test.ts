import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../..');
const BUILD = join(ROOT, 'appPackage/build');

describe('atk package (offline)', () => {
  it('builds the app package for the local environment from the committed files alone', async () => {
    rmSync(BUILD, { recursive: true, force: true });
    const env = { ...process.env };
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'APP_NAME_SUFFIX']) delete env[name];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [require.resolve('@microsoft/m365agentstoolkit-cli/cli.js'), 'package', '--manifest-file', './appPackage/manifest.json', '--env', 'local', '--telemetry', 'false'],
      { cwd: ROOT, env, timeout: 60_000 },
    );
    expect(stdout).toMatch(/appPackage\.local\.zip built successfully/);
    expect(existsSync(join(BUILD, 'appPackage.local.zip'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.local.json'), 'utf8'));
    expect(manifest.bots[0].botId).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest.name.short).toBe('Passkey Doctor-local');
  }, 60_000);
});
