#!/usr/bin/env node
/**
 * `npm start`, `npm run cli` and `npm run bench` build first, but a compile
 * takes seconds even when nothing changed. This compiles only when a source
 * file, a folder under src (a file added or removed) or a tsconfig is newer
 * than the last successful build, whose time dist/.build-stamp keeps.
 * `--force` compiles regardless (`npm run build`).
 *
 * After a compile it removes what tsc left behind for sources that are gone:
 * a stale dist/model/findingWords.js would otherwise shadow the folder
 * dist/model/findingWords/ that replaced it, and the product would run old code.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, unlinkSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const OUTPUT = /^(.*)\.(?:js|js\.map|d\.ts|d\.ts\.map)$/;

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

/** Removes compiled files whose .ts (or copied .json) no longer exists under src, and folders left empty. */
function prune(dir, srcDir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      prune(path, join(srcDir, entry.name));
      if (readdirSync(path).length === 0) rmdirSync(path);
      continue;
    }
    const compiled = OUTPUT.exec(entry.name);
    const source = compiled ? join(srcDir, `${compiled[1]}.ts`) : entry.name.endsWith('.json') ? join(srcDir, entry.name) : null;
    if (source && !existsSync(source)) unlinkSync(path);
  }
}

const sources = Math.max(newest(join(root, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => newest(join(root, f))));
if (!process.argv.includes('--force') && sources < builtAt()) process.exit(0);
const started = Date.now();
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
mkdirSync(dist, { recursive: true });
prune(dist, join(root, 'src'));
// Stamped with the time the compile started: a source saved during it is built next time.
writeFileSync(stamp, '');
utimesSync(stamp, new Date(started), new Date(started));
