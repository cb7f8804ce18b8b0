/**
 * The pass must exist only in the approver's `issued` result: not in the
 * state store's files, the logs, the audit trail, or anything that could
 * reach a shared card. (The HTTP-adapter leak test, with connector traffic,
 * belongs to the bot.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage } from '../../src/store/fileStorage';
import { sandboxActions, type SandboxActions } from '../support/sandboxActions';
import { runTapLeakFlow } from '../support/tapLeakFlow';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe('TAP leak check with the file state store', () => {
  let dir: string;
  let s: SandboxActions;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pd-state-'));
    s = await sandboxActions({ storage: new FileStorage(dir) });
  });
  afterEach(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the pass nowhere but in the approver’s result', async () => {
    const flow = await runTapLeakFlow(s);
    const files = filesUnder(dir);

    expect(flow.secrets).toHaveLength(2);
    expect(files.length).toBeGreaterThan(5);
    expect(flow.logs.length).toBeGreaterThan(5);
    expect(flow.audit).toContain('tap.issued');
    for (const secret of flow.secrets) {
      expect(files.filter((content) => content.includes(secret))).toEqual([]);
      expect(flow.logs.filter((line) => line.includes(secret))).toEqual([]);
      expect(flow.audit).not.toContain(secret);
      expect(flow.results).not.toContain(secret);
    }
  });
});
