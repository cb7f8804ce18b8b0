/**
 * Comments lean on facts kept in the repository's own docs/ ("docs/contracts.md §9").
 * A maintainer who follows a citation must find the page and the section.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CITED_FOLDERS = ['src', 'tests', 'scripts'];
const CITATION = /docs\/([A-Za-z-]+\.md)(?: §(\d+))?/g;
const BARE = /(?<![/\w.-])(contracts|graph-facts|request-plan|teams-stack|architecture)(?:\.md)? §\d+/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

const files = CITED_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
const sectionsOf = (page: string): Set<string> =>
  new Set([...readFileSync(join(ROOT, 'docs', page), 'utf8').matchAll(/^#{2,3} (\d+)\./gm)].map((m) => m[1]));

describe('citations in comments', () => {
  it('name a page in docs/ and a section that page has', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const [cite, page, section] of readFileSync(file, 'utf8').matchAll(CITATION)) {
        if (!existsSync(join(ROOT, 'docs', page))) broken.push(`${file}: ${cite} (no such page)`);
        else if (section && !sectionsOf(page).has(section)) broken.push(`${file}: ${cite} (no such section)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('always say which page, so none points at a document outside the repository', () => {
    const bare = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(BARE)].map((m) => `${file}: ${m[0]}`));
    expect(bare).toEqual([]);
  });
});
