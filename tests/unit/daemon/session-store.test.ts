import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/common/logger.js';
import { KEEP_BROKEN_SESSIONS, SessionStore, type SavedPane } from '../../../src/daemon/session-store.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dad-session-'));
  file = join(dir, 'session.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pane = (id: string): SavedPane => ({ id, name: id, command: 'bash', cwd: '/tmp', tab: null, role: null });

function storeWith(panes: () => SavedPane[]): SessionStore {
  return new SessionStore(file, panes, nullLogger, 0);
}

/** Two generations on disk: session.json holds `newest`, session.json.prev holds `previous`. */
function saveGenerations(previous: SavedPane[], newest: SavedPane[]): void {
  let current = previous;
  const store = storeWith(() => current);
  store.saveNow();
  current = newest;
  store.saveNow();
}

const broken = () =>
  readdirSync(dir)
    .filter((name) => name.startsWith('session.json.broken-'))
    .sort();

describe('SessionStore (issue 11, item 8: a truncated session.json loses every pane)', () => {
  it('keeps the previous generation beside the newest', () => {
    saveGenerations([pane('p1')], [pane('p1'), pane('p2')]);
    expect(JSON.parse(readFileSync(file, 'utf8')).panes.map((p: SavedPane) => p.id)).toEqual(['p1', 'p2']);
    expect(JSON.parse(readFileSync(`${file}.prev`, 'utf8')).panes.map((p: SavedPane) => p.id)).toEqual(['p1']);
  });

  it('loads the newest generation and says nothing when it is readable', () => {
    saveGenerations([pane('p1')], [pane('p1'), pane('p2')]);
    expect(storeWith(() => []).load()).toEqual({ panes: [pane('p1'), pane('p2')], notice: null });
  });

  it('says nothing and restores nothing when there is no session file yet', () => {
    expect(storeWith(() => []).load()).toEqual({ panes: [], notice: null });
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON/],
    ['emptied', () => '', /it is empty/],
    ['of another shape', () => '{"version":1,"panes":"all"}', /not a session file: savedAt/],
    ['binary', () => '\u0000\u0001\u0002', /not valid JSON/],
  ])('restores the previous generation when the newest is %s, keeps the newest aside and says so', (_what, damage, reason) => {
    saveGenerations([pane('p1')], [pane('p1'), pane('p2')]);
    const damaged = damage(readFileSync(file, 'utf8'));
    writeFileSync(file, damaged);
    const loaded = storeWith(() => []).load();
    expect(loaded.panes).toEqual([pane('p1')]);
    const kept = broken();
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe(damaged);
    expect(loaded.notice).toContain(`Restored 1 pane from the previous session file; the newest was unreadable and kept as ${join(dir, kept[0]!)} (`);
    expect(loaded.notice).toMatch(reason);
  });

  it('restores from the previous generation when a directory stands at the name', () => {
    saveGenerations([pane('p1')], [pane('p2')]);
    rmSync(file);
    mkdirSync(file);
    const loaded = storeWith(() => []).load();
    expect(loaded.panes).toEqual([pane('p1')]);
    expect(loaded.notice).toMatch(/\(it is a directory\)\.$/);
  });

  it('does not read through a symlink at the name', () => {
    saveGenerations([pane('p1')], [pane('p2')]);
    const planted = join(dir, 'planted.json');
    writeFileSync(planted, JSON.stringify({ version: 1, savedAt: 'x', panes: [pane('evil')] }));
    rmSync(file);
    symlinkSync(planted, file);
    const loaded = storeWith(() => []).load();
    expect(loaded.panes).toEqual([pane('p1')]);
    expect(loaded.notice).toMatch(/it is a symbolic link/);
  });

  it('says that nothing could be restored when the previous generation is missing too', () => {
    writeFileSync(file, '{"version":1,');
    const loaded = storeWith(() => []).load();
    expect(loaded.panes).toEqual([]);
    expect(loaded.notice).toMatch(
      /^No panes were restored: the session file was unreadable and kept as .*session\.json\.broken-.* \(not valid JSON: .*\), and there is no previous session file\.$/,
    );
  });

  it('the next save after a restore keeps the restored generation as the previous one', () => {
    saveGenerations([pane('p1')], [pane('p2')]);
    writeFileSync(file, 'garbage');
    let current: SavedPane[] = [];
    const store = storeWith(() => current);
    current = store.load().panes;
    current = [...current, pane('p3')];
    store.saveNow();
    expect(JSON.parse(readFileSync(`${file}.prev`, 'utf8')).panes).toEqual([pane('p1')]);
    expect(JSON.parse(readFileSync(file, 'utf8')).panes).toEqual([pane('p1'), pane('p3')]);
  });

  it(`keeps at most ${KEEP_BROKEN_SESSIONS} unreadable files`, () => {
    saveGenerations([pane('p1')], [pane('p2')]);
    for (let n = 0; n < KEEP_BROKEN_SESSIONS + 3; n++) {
      writeFileSync(file, `broken ${n}`);
      const store = storeWith(() => [pane('p1')]);
      store.load();
      store.saveNow();
    }
    const kept = broken();
    expect(kept).toHaveLength(KEEP_BROKEN_SESSIONS);
    // The newest ones stay.
    expect(kept.map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(Array.from({ length: KEEP_BROKEN_SESSIONS }, (_, i) => `broken ${i + 3}`));
  });
});
