#!/usr/bin/env node
// Fails when src holds an import cycle between files or a two-way arrow between folders.
// ESLint's import/no-cycle skips `import type`, and a type-only cycle still ties two
// modules together (the model's findingCodes <-> verdictTypes was one), so this counts every import.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] || 'src');
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.name.endsWith('.ts')) files.push(p);
  }
})(root);

const IMPORT = /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(['"](\.[^'"]+)['"]\)/g;
const resolve = (from, spec) => {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')].find((c) => fs.existsSync(c));
};
const folderOf = (file) => {
  const parts = path.relative(root, file).split(path.sep);
  return parts.length > 1 ? parts[0] : '(root)';
};

const edges = new Map(files.map((f) => [f, new Set()]));
const folderArrows = new Set();
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(file, m[1] || m[2]);
    if (!target) continue;
    edges.get(file).add(target);
    if (folderOf(file) !== folderOf(target)) folderArrows.add(`${folderOf(file)} -> ${folderOf(target)}`);
  }
}

const problems = [];
for (const arrow of folderArrows) {
  const [a, b] = arrow.split(' -> ');
  if (a < b && folderArrows.has(`${b} -> ${a}`)) problems.push(`folders import each other: src/${a} <-> src/${b}`);
}

// Tarjan's strongly connected components: every component of more than one file is a cycle.
let index = 0;
const stack = [];
const onStack = new Set();
const idx = new Map();
const low = new Map();
function visit(v) {
  idx.set(v, index);
  low.set(v, index);
  index += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) || []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(path.relative(process.cwd(), w));
    } while (w !== v);
    if (component.length > 1) problems.push(`import cycle: ${component.join(' -> ')}`);
  }
}
for (const f of files) if (!idx.has(f)) visit(f);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`import graph: ${files.length} files, ${folderArrows.size} folder arrows, no cycles`);
