// Leaving the deck: Detach keeps every pane running for the next deck; Stop all ends the daemon.
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { isProcessGone } from '../helpers/process.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const paneArea = (screen: string) => screen.split('\n').map((line) => line.split('│').slice(1).join('│'));

describe('leaving the deck', () => {
  it('detaches with Ctrl+c then Enter, and a new deck shows the same panes and screen', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    await session.newPane('beta');
    let deck = session.deck;
    deck.type('\r');
    await deck.waitForScreen('typing into the first pane', (s) => / TYPING /.test(s) && paneArea(s).some((l) => l.startsWith('deck$')));
    deck.type('echo marker-$((40+2))\r');
    await deck.waitForScreen('the marker is echoed', (s) => paneArea(s).some((l) => l.trimEnd() === 'marker-42'));
    deck.type('\x04\x03');
    await deck.waitForScreen('the quit dialog offers Detach first', /Leave the deck\?[\s\S]*\[ Detach \] {2}\[ Stop all \] {2}\[ Cancel \]/);
    deck.type('\r');
    const exit = await deck.exited;
    expect(exit.exitCode).toBe(0);
    expect(deck.output()).toContain('Detached. 2 panes keep running; run dot-agent-deck to come back.');
    expect(isProcessGone(session.harness.daemonPid()!)).toBe(false);

    deck = await session.reopen();
    await deck.waitForScreen('both cards are back', /1 alpha\s+running[\s\S]*2 beta\s+running/);
    await deck.waitForScreen('the first pane still shows the marker', (s) => paneArea(s).some((l) => l.trimEnd() === 'marker-42'));
  });

  it('stops the daemon and every pane with Ctrl+c, s and y (asked once more)', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    const { deck } = session;
    const daemon = session.harness.daemonPid()!;
    deck.type('\x03');
    await deck.waitForScreen('the quit dialog', /Leave the deck\?/);
    deck.type('s');
    await deck.waitForScreen('Stop all asks once more', /Stop every agent\?/);
    deck.type('y');
    const exit = await deck.exited;
    expect(exit.exitCode).toBe(0);
    expect(deck.output()).toContain('Stopped the deck and every pane.');
    await waitFor('the daemon process is gone', () => isProcessGone(daemon));
  });

  it('leaves the terminal as it found it: modes off, the kitty keyboard flags popped, main screen back', async () => {
    session = await openDeckSession({ env: { TMUX: '' } });
    const { deck } = session;
    deck.type('\x03\r');
    await deck.exited;
    const tail = deck.output().slice(deck.output().lastIndexOf('\x1b[?2026l\x1b[0m'));
    for (const off of ['\x1b[<u', '\x1b[?1004l', '\x1b[?1006l', '\x1b[?1002l', '\x1b[?1000l', '\x1b[?2004l', '\x1b[?25h', '\x1b[?1049l']) {
      expect(tail).toContain(off);
    }
    expect(deck.term.buffer.active.type).toBe('normal');
  });
});

describe('a deck that is killed', () => {
  it('restores the terminal on SIGTERM, and the panes keep running', async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    const { deck } = session;
    await deck.waitForScreen('the card', /1 alpha\s+running/);
    process.kill(deck.pty.pid, 'SIGTERM');
    await deck.exited;
    expect(deck.output()).toContain('\x1b[?1000l');
    expect(deck.term.buffer.active.type).toBe('normal');
    expect(await session.harness.ok(['ls'])).toContain('alpha');
  });
});
