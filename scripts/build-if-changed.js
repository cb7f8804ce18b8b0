#!/usr/bin/env node
/**
 * `npm start`, `npm run cli` and `npm run bench` build first, but a compile
 * takes seconds even when nothing changed. This compiles only when a source
 * file, a folder under src (a file added or removed) or a tsconfig is newer
 * than the last successful build, whose time dist/.build-stamp keeps.
 */
const { spawnSync } = require('node:child_process');
const { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = Math.max(newest(join(root, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => newest(join(root, f))));
if (sources < builtAt()) process.exit(0);
const started = Date.now();
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
mkdirSync(join(root, 'dist'), { recursive: true });
// Stamped with the time the compile started: a source saved during it is built next time.
writeFileSync(stamp, '');
utimesSync(stamp, new Date(started), new Date(started));
