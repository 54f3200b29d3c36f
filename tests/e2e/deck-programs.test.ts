// Real full-screen and colourful programs in a pane: what the deck draws must match the
// daemon's screen of the pane cell for cell, colours included.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { watchPane, type PaneModel } from '../helpers/pane-model.js';
import { cellsOf } from '../helpers/terminal-cells.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;
let model: PaneModel | null = null;

afterEach(async () => {
  model?.dispose();
  model = null;
  await session?.dispose();
  session = null;
});

/** At 120×36 the stacked pane's content starts at column 34, row 2, and is 87×33 (deck-layout.ts). */
const PANE = { x: 33, y: 1, cols: 87, rows: 33 };

async function expectDeckMatchesModel(description: string) {
  const deck = session!.deck;
  let diff = '';
  try {
    await waitFor(`${description}: the deck shows the pane cell for cell`, async () => {
      const want = await model!.cells();
      await new Promise<void>((resolve) => deck.term.write('', resolve));
      const have = cellsOf(deck.term, PANE.x, PANE.y, PANE.cols, PANE.rows);
      const row = want.findIndex((cells, y) => cells.join('\u0000') !== have[y]!.join('\u0000'));
      if (row === -1) return true;
      const col = want[row]!.findIndex((cell, x) => cell !== have[row]![x]);
      diff = `first difference at row ${row}, column ${col}: daemon ${want[row]![col]} deck ${have[row]![col]}`;
      return false;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${diff}\nscreen:\n${deck.screen()}`);
  }
}

/** Opens a deck session and a pane whose command may name files prepared in the session's HOME. */
async function openPane(name: string, command: (session: DeckSession) => string[]) {
  session = await openDeckSession();
  const paneId = await session.newPane(name, command(session));
  model = await watchPane(await session.harness.connect('cli'), paneId, PANE.cols, PANE.rows);
  // TYPING mode: the pane is drawn without the COMMAND-mode dimming.
  session.deck.type('\r');
  await session.deck.waitForScreen('typing into the pane', / TYPING /);
  return paneId;
}

describe('programs in a pane', () => {
  it('draws ls --color exactly', async () => {
    await openPane('shell', () => ['bash', '--norc', '--noprofile']);
    const dir = session!.dir('colours');
    for (const name of ['a.sh', 'b.txt', 'c.tar.gz']) writeFileSync(join(dir, name), 'x\n');
    session!.deck.type(`cd ${dir} && chmod +x a.sh && mkdir -p sub && ls --color=always -la\r`);
    await session!.deck.waitForScreen('the listing', /c\.tar\.gz/);
    await expectDeckMatchesModel('ls --color');
  });

  it('draws vim exactly, and :q ends it', async () => {
    await openPane('editor', (s) => {
      const file = join(s.dir('files'), 'script.sh');
      writeFileSync(file, '#!/bin/sh\n# a comment\necho "hello" && exit 1\n');
      return ['vim', '-u', 'NONE', '-N', '-c', 'syntax on', file];
    });
    await session!.deck.waitForScreen('vim shows the file and its tildes', /echo "hello"[\s\S]*~/);
    await expectDeckMatchesModel('vim');
    session!.deck.type(':q\r');
    await session!.deck.waitForScreen('the card says vim exited', /1 editor\s+exited/);
  });

  it('draws less -R exactly', async () => {
    await openPane('pager', (s) => {
      const file = join(s.dir('files'), 'log.txt');
      writeFileSync(file, Array.from({ length: 60 }, (_, i) => `\x1b[3${i % 8}mline ${i}\x1b[0m \x1b[1mbold\x1b[0m \x1b[7minverse\x1b[0m`).join('\n'));
      return ['less', '-R', file];
    });
    await session!.deck.waitForScreen('less shows the first page', /line 0[\s\S]*line 30/);
    await expectDeckMatchesModel('less -R');
    session!.deck.type(' ');
    await session!.deck.waitForScreen('space pages down', /line 40/);
    await expectDeckMatchesModel('less -R, second page');
    session!.deck.type('q');
    await session!.deck.waitForScreen('q ends less', /1 pager\s+exited/);
  });
});
