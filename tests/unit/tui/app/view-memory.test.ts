// The deck's view file in a temporary state directory.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ViewMemory } from '../../../../src/tui/app/view-memory.js';
import type { SavedView } from '../../../../src/tui/state/saved-view.js';

const roots: string[] = [];
function stateDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'dad-view-'));
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const view = (tab: string | null): SavedView => ({ version: 1, tab, selection: tab ? { [tab]: 'p4' } : {}, layout: 'stacked' });

describe('ViewMemory', () => {
  it('means the defaults without a file, or with a broken one', () => {
    const dir = stateDir();
    const file = join(dir, 'deck-view.json');
    expect(new ViewMemory(file).load()).toBeNull();
    writeFileSync(file, '{"version":1,"tab":');
    expect(new ViewMemory(file).load()).toBeNull();
    writeFileSync(file, JSON.stringify({ version: 1, tab: 7, selection: {}, layout: 'stacked' }));
    expect(new ViewMemory(file).load()).toBeNull();
  });

  it('writes the newest view of a burst once, privately, and reads it back', async () => {
    const file = join(stateDir(), 'nested', 'deck-view.json');
    const memory = new ViewMemory(file);
    memory.remember(view('a'));
    memory.remember(view('b'));
    memory.dispose();
    await memory.settled();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(view('b'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new ViewMemory(file).load()).toEqual(view('b'));
  });

  it('survives a state directory it cannot create', async () => {
    // A regular file where the state directory should be: no one, not even root, can create it.
    const blocker = join(stateDir(), 'not-a-dir');
    writeFileSync(blocker, '');
    const file = join(blocker, 'deck-view.json');
    const memory = new ViewMemory(file);
    memory.remember(view('a'));
    expect(() => memory.dispose()).not.toThrow();
    await expect(memory.settled()).resolves.toBeUndefined();
    expect(memory.load()).toBeNull();
  });
});
