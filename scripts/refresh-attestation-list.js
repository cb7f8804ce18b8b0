#!/usr/bin/env node
/**
 * Rebuilds src/catalog/data/attestation-eligible.json from a saved copy of
 * Microsoft Learn's "Microsoft Entra ID attestation for passkey (FIDO2)
 * vendors" page (concept-fido2-hardware-vendor): the markdown source or the
 * HTML the browser saved. The table is the list of security keys Entra
 * accepts when attestation is enforced; the page changes with each FIDO MDS
 * release Microsoft ingests, so the list is data with its source and date.
 *
 *   node scripts/refresh-attestation-list.js <saved page> [--out <file>] [--retrieved YYYY-MM-DD]
 *
 * Exit codes: 0 written; 2 bad arguments; 3 file unreadable; 4 no table found
 * (the page changed shape — nothing is written, so the old list stays).
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const PAGE = 'https://learn.microsoft.com/entra/identity/authentication/concept-fido2-hardware-vendor';
const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YES = /2705|✅|yes|true/i;

function fail(code, message) {
  process.stderr.write(`refresh-attestation-list: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const args = { input: null, out: join(__dirname, '..', 'src', 'catalog', 'data', 'attestation-eligible.json'), retrieved: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--out' || arg === '--retrieved') {
      const value = argv[i + 1];
      if (!value) fail(2, `${arg} needs a value`);
      args[arg.slice(2)] = value;
      i += 1;
    } else if (arg.startsWith('--')) fail(2, `unknown option ${arg}`);
    else if (args.input) fail(2, 'give one saved page');
    else args.input = arg;
  }
  if (!args.input) fail(2, 'usage: refresh-attestation-list.js <saved concept-fido2-hardware-vendor page (.md or .html)> [--out file] [--retrieved YYYY-MM-DD]');
  if (args.retrieved && !/^\d{4}-\d{2}-\d{2}$/.test(args.retrieved)) fail(2, '--retrieved takes a date as YYYY-MM-DD');
  return args;
}

const decode = (text) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

/** Rows as arrays of cell texts, from a markdown pipe table or HTML <tr> rows; entity codes are kept for the tick marks. */
function tableRows(page) {
  if (/<tr[\s>]/i.test(page)) {
    return [...page.matchAll(/<tr[\s\S]*?<\/tr>/gi)].map(([row]) =>
      [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map(([, cell]) => cell.trim()),
    );
  }
  return page
    .split(/\r?\n/)
    .filter((line) => line.includes('|'))
    .map((line) => line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').map((cell) => cell.trim()));
}

function parsePage(page) {
  const keys = [];
  for (const cells of tableRows(page)) {
    if (cells.length < 6 || !AAGUID.test(decode(cells[1]))) continue;
    const flag = (cell) => YES.test(cell) && !/10060|❌/.test(cell);
    keys.push({
      aaguid: decode(cells[1]).toLowerCase(),
      description: decode(cells[0]),
      bio: flag(cells[2]),
      usb: flag(cells[3]),
      nfc: flag(cells[4]),
      ble: flag(cells[5]),
    });
  }
  const msDate = /ms\.date:\s*(\d{2})\/(\d{2})\/(\d{4})/.exec(page) ?? /name="ms\.date"\s+content="(\d{2})\/(\d{2})\/(\d{4})/.exec(page);
  const mds = /MDS version (\d+)/i.exec(page);
  return { keys, msDate: msDate ? `${msDate[3]}-${msDate[1]}-${msDate[2]}` : null, mdsVersion: mds ? Number(mds[1]) : null };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  let page;
  try {
    page = readFileSync(args.input, 'utf8');
  } catch (error) {
    fail(3, `cannot read ${args.input}: ${error.message}`);
  }
  const { keys, msDate, mdsVersion } = parsePage(page);
  if (keys.length === 0) fail(4, `no AAGUID table found in ${args.input}; the page may have changed shape, so the list was left as it was`);
  const unique = [...new Map(keys.map((k) => [k.aaguid, k])).values()].sort((a, b) => a.description.localeCompare(b.description) || a.aaguid.localeCompare(b.aaguid));
  const document = {
    source: PAGE,
    title: 'FIDO2 security keys eligible for attestation with Microsoft Entra ID',
    msDate,
    mdsVersion,
    retrieved: args.retrieved ?? new Date().toISOString().slice(0, 10),
    count: unique.length,
    keys: unique,
  };
  writeFileSync(args.out, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${unique.length} attestation-eligible keys (MDS ${mdsVersion ?? '?'}, page ${msDate ?? 'undated'}) to ${args.out}\n`);
}

if (require.main === module) main();

module.exports = { parsePage };
