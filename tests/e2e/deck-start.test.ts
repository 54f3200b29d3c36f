// How the deck starts (ARCHITECTURE.md §7, bench first-frame): the bundle's compiled code is kept
// in the cache directory once the deck is drawn and used by the next start; a cache that is
// garbage or cannot be written changes nothing a person sees; the hooks offer comes after the frame.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { cellsOf, createTerminal, writeAsync } from '../helpers/terminal-cells.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const cacheDirOf = (s: DeckSession) => join(s.harness.deck.root, 'xdg-cache', 'dot-agent-deck');
const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.v8')) : []);
const marks = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
const markAt = (file: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(marks(file))?.[1] ?? NaN);
/** Ink's first write through tui/app/ink-output.ts: a synchronized block from the top-left cell. */
const INK_FIRST = '\x1b[?2026h\x1b[?25l\x1b[1;1H';
const ESU = '\x1b[?2026l';

/** The screen after `bytes`, cell by cell, within the columns and rows given. */
async function screenCells(bytes: string, cols: number, rows: number, width: number): Promise<string[][]> {
  const term = createTerminal(cols, rows);
  await writeAsync(term, bytes);
  return cellsOf(term, 0, 0, width, rows);
}

describe('starting the deck', () => {
  it('keeps the compiled deck in the cache directory once drawn, and the next start compiles from it', async () => {
    const traces = mkdtempSync(join(tmpdir(), 'dad-trace-'));
    try {
      session = await openDeckSession({ env: { DOT_AGENT_DECK_TRACE_STARTUP: join(traces, 'cold') } });
      const dir = cacheDirOf(session);
      await session.newPane('alpha');
      await waitFor('the first deck wrote its code cache', () => cacheFiles(dir).length === 1);
      expect(marks(join(traces, 'cold'))).toMatch(/^bundle-compiled /m);
      const [file] = cacheFiles(dir);
      expect(file).toMatch(new RegExp(`^deck-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`));
      expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);
      session.deck.type('\x03\r');
      await session.deck.exited;

      const warm = await session.reopen({ env: { DOT_AGENT_DECK_TRACE_STARTUP: join(traces, 'warm') } });
      await warm.waitForScreen('the card is back', /1 alpha\s+running/);
      expect(marks(join(traces, 'warm'))).toMatch(/^bundle-compiled-cached /m);
      expect(cacheFiles(dir)).toEqual([file]);
    } finally {
      rmSync(traces, { recursive: true, force: true });
    }
  });

  it('paints its first picture before Ink loads; Ink takes it over unchanged; keys typed meanwhile arrive in order', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    await session.newPane('beta');
    session.deck.type('\x03\r');
    await session.deck.exited;
    const trace = join(session.harness.deck.root, 'trace');
    const deck = await session.reopen({ env: { DOT_AGENT_DECK_TRACE_STARTUP: trace } });
    // Typed as soon as the first picture shows: into the selected pane, in order.
    deck.type('\r');
    for (const char of 'echo held-keys-$((6*7))\r') deck.type(char);
    await deck.waitForScreen('the pane ran what was typed', /held-keys-42/);
    await waitFor('the trace has Ink', () => marks(trace).includes('ink-rendered'));
    expect(markAt(trace, 'early-painted')).toBeLessThan(markAt(trace, 'ink-loaded'));
    // Ink's first frame over the first paint changes no cell: of the whole screen when every
    // pane had painted before Ink loaded (the usual case), else of the sidebar and status bar.
    const raw = deck.output();
    const start = raw.indexOf(INK_FIRST);
    expect(start).toBeGreaterThan(0);
    const end = raw.indexOf(ESU, start) + ESU.length;
    const sidebar = markAt(trace, 'every-pane-frame') < markAt(trace, 'ink-loaded') ? 120 : 34;
    expect(await screenCells(raw.slice(0, end), 120, 36, sidebar)).toEqual(await screenCells(raw.slice(0, start), 120, 36, sidebar));
    const statusRow = async (bytes: string) => (await screenCells(bytes, 120, 36, 120)).at(-2);
    expect(await statusRow(raw.slice(0, end))).toEqual(await statusRow(raw.slice(0, start)));
  });

  it('opens as usual when the cache is garbage, and replaces it', async () => {
    session = await openDeckSession();
    const dir = cacheDirOf(session);
    await waitFor('the deck wrote its code cache', () => cacheFiles(dir).length === 1);
    const file = join(dir, cacheFiles(dir)[0]!);
    session.deck.type('\x03\r');
    await session.deck.exited;
    writeFileSync(file, 'not V8 code');
    const trace = join(session.harness.deck.root, 'trace');
    const deck = await session.reopen({ env: { DOT_AGENT_DECK_TRACE_STARTUP: trace } });
    await session.newPane('beta');
    await deck.waitForScreen('the deck works', /1 beta\s+running/);
    expect(marks(trace)).toMatch(/^bundle-compiled /m);
    await waitFor('the garbage was replaced', () => statSync(file).size > 'not V8 code'.length);
  });

  it('opens as usual when the cache directory cannot be written', async () => {
    session = await openDeckSession({
      // A file where the directory would be: not even root can create it.
      before: (world) => writeFileSync(join(world.root, 'xdg-cache'), ''),
    });
    await session.newPane('gamma');
    await session.deck.waitForScreen('the deck works', /1 gamma\s+running/);
    session.deck.type('\x03\r');
    expect((await session.deck.exited).exitCode).toBe(0);
  });

  it('offers the hooks install for an agent on PATH once the deck is drawn', async () => {
    session = await openDeckSession({
      before: (world) => {
        const bin = join(world.root, 'agent-bin');
        mkdirSync(bin);
        writeFileSync(join(bin, 'claude'), '#!/bin/sh\n', { mode: 0o755 });
        world.env.PATH = `${bin}:${world.env.PATH ?? ''}`;
      },
    });
    await session.deck.waitForScreen('the hooks offer', /For exact status of claude-code, run: dot-agent-deck hooks install/);
  });
});
