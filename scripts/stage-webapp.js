#!/usr/bin/env node
/**
 * `teamsapp deploy` step: copies what App Service runs — the built dist/,
 * package.json and the lockfile — into ./.deploy, where the next step
 * installs production dependencies only. Keeps the zip small and free of
 * sources, tests, local state and env files.
 */
const { cpSync, existsSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const target = join(root, '.deploy');
if (!existsSync(join(root, 'dist', 'bot', 'main.js'))) {
  process.stderr.write('stage-webapp: dist/bot/main.js is missing; run npm run build first\n');
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target);
cpSync(join(root, 'dist'), join(target, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.tsbuildinfo') && !src.endsWith('.build-stamp') });
for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(target, file));
process.stdout.write(`staged ${target}\n`);
