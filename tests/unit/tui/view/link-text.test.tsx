import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { MismatchDialog, panesLines } from '../../../../src/tui/components/dialogs/MismatchDialog.js';
import { StatusBar } from '../../../../src/tui/components/StatusBar.js';
import type { LinkStatus } from '../../../../src/tui/state/deck-state.js';
import { wrapText } from '../../../../src/tui/view/format.js';
import { linkNotice, type LinkNotice } from '../../../../src/tui/view/link-text.js';
import { plain } from '../components/plain.js';

describe('what the chrome says without a daemon', () => {
  it.each<[string, LinkStatus, LinkNotice | null]>([
    ['nothing while connected', { kind: 'up' }, null],
    [
      'reconnecting, at once',
      { kind: 'reconnecting', attempt: 1, downForMs: 0, error: null },
      { chip: ' RECONNECTING ', text: 'Lost the daemon, reconnecting… · panes show their last screen, typing is paused', short: 'reconnecting…' },
    ],
    [
      'the try, the time and why the last failed',
      { kind: 'reconnecting', attempt: 4, downForMs: 2750, error: 'no daemon is listening' },
      {
        chip: ' RECONNECTING ',
        text: 'Lost the daemon, reconnecting… (try 4, 2 s: no daemon is listening) · panes show their last screen, typing is paused',
        short: 'reconnecting…',
      },
    ],
    [
      'reconnecting to a remote host, named',
      { kind: 'reconnecting', attempt: 2, downForMs: 1200, error: 'Cannot reach remote "gpu" (gpu.example): Connection timed out', host: 'gpu' },
      {
        chip: ' RECONNECTING ',
        text: 'Lost the link, reconnecting to gpu… (try 2, 1 s: Cannot reach remote "gpu" (gpu.example): Connection timed out) · panes show their last screen, typing is paused',
        short: 'reconnecting to gpu…',
      },
    ],
    ['a daemon of another version', { kind: 'refused' }, { chip: ' NOT CONNECTED ', text: 'The running daemon is of another version', short: 'not connected' }],
  ])('%s', (_name, link, expected) => {
    expect(linkNotice(link)).toEqual(expected);
  });

  it('puts the red chip after the mode chip, in place of the hints', () => {
    const link = linkNotice({ kind: 'reconnecting', attempt: 1, downForMs: 0, error: null });
    const frame = plain(render(<StatusBar mode="typing" hints={[{ keys: '?', label: 'help' }]} message={null} link={link} width={100} />).lastFrame());
    expect(frame).toMatch(/^ TYPING {3}RECONNECTING {2}Lost the daemon, reconnecting…/);
    expect(frame).not.toContain('? help');
    expect([...frame]).toHaveLength(100);
  });
});

describe('wrapText', () => {
  it.each<[string, string, number, string[]]>([
    ['short text stays one line', 'a b c', 10, ['a b c']],
    ['breaks at spaces', 'one two three four', 9, ['one two', 'three', 'four']],
    ['cuts a word longer than a line', 'abcdefghij xy', 5, ['abcd…', 'xy']],
    ['collapses runs of spaces', 'a   b', 10, ['a b']],
    ['nothing for no width', 'a', 0, []],
  ])('%s', (_name, text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });
});

describe('the mismatch dialog', () => {
  it.each<[string, readonly string[] | null, number, string[]]>([
    ['names every pane that fits', ['alpha', 'beta'], 60, ['Its session file holds 2 panes: alpha, beta.']],
    ['one pane', ['alpha'], 60, ['Its session file holds 1 pane: alpha.']],
    [
      'counts the rest in two lines',
      Array.from({ length: 30 }, (_, i) => `pane-${i}`),
      40,
      ['Its session file holds 30 panes: pane-0,', 'pane-1, pane-2, pane-3 and 26 more.'],
    ],
    ['no saved panes', [], 60, ['Its session file holds no panes.']],
    ['an unreadable session file', null, 60, ['Its session file cannot be read by this version, so the deck', 'cannot say which panes it runs.']],
  ])('%s', (_name, panes, width, lines) => {
    expect(panesLines(panes, width)).toEqual(lines);
  });

  it('says what runs and offers both ways; while restarting, says so instead', () => {
    const dialog = {
      kind: 'daemon-mismatch',
      message: 'The running daemon is version 0.0.9 (protocol 0).',
      panes: ['alpha'],
      choice: 'restart',
      restarting: false,
      error: null,
    } as const;
    const asking = plain(render(<MismatchDialog dialog={dialog} width={100} height={15} />).lastFrame());
    expect(asking).toContain('This deck cannot use the running daemon');
    expect(asking).toContain('The running daemon is version 0.0.9 (protocol 0).');
    expect(asking).toContain('Its session file holds 1 pane: alpha.');
    expect(asking).toContain('[ Restart the daemon and restore the panes ]  [ Keep the running daemon (quit) ]');
    const restarting = plain(render(<MismatchDialog dialog={{ ...dialog, restarting: true }} width={100} height={15} />).lastFrame());
    expect(restarting).toContain('Stopping the old daemon and starting this version…');
    expect(restarting).not.toContain('[ Restart');
    const failed = plain(
      render(
        <MismatchDialog dialog={{ ...dialog, error: 'The daemon (pid 42) did not exit within 10 s. (kill it with `kill 42`)' }} width={100} height={15} />,
      ).lastFrame(),
    );
    expect(failed).toContain('did not exit within 10 s.');
  });
});
