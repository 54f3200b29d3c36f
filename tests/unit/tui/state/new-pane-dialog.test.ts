import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import type { KeyEvent, PasteEvent } from '../../../../src/tui/input/input-event.js';
import type { Effect } from '../../../../src/tui/state/deck-msg.js';
import { dirInspected, dirListed, newPaneInput, openNewPane, pickerRows, type NewPaneDialog } from '../../../../src/tui/state/dialogs/new-pane-dialog.js';

const ENTRIES = ['src', 'docs', '.git', 'bench'];

/** Opens the picker in /work/app with its listing, then types `input`. */
function run(input: string, start: NewPaneDialog | null = null) {
  let dialog: NewPaneDialog | null = start ?? dirListed(openNewPane('/work/app').dialog!, '/work/app', ENTRIES, null);
  const effects: Effect[] = [];
  for (const event of parseInput(Buffer.from(input, 'utf8'), { flush: true }).events as Array<KeyEvent | PasteEvent>) {
    if (!dialog) break;
    const step = newPaneInput(dialog, event, 'bash');
    dialog = step.dialog;
    effects.push(...step.effects);
  }
  return { dialog, effects };
}

describe('new-pane dialog: directory picker', () => {
  it('starts in the given directory and asks for its listing', () => {
    const step = openNewPane('/work/app');
    expect(step.dialog?.picker.dir).toBe('/work/app');
    expect(step.effects).toEqual([{ type: 'list-dir', dir: '/work/app' }]);
  });

  it('lists directories sorted, hiding dot-directories', () => {
    const { dialog } = run('');
    expect(pickerRows(dialog!.picker)).toEqual(['bench', 'docs', 'src']);
  });

  it.each<[string, string, string | null, number | null, Effect[]]>([
    ['j moves down', 'j', '/work/app', 1, []],
    ['k stops at the top', 'k', '/work/app', 0, []],
    ['j stops at the bottom', 'jjjjjj', '/work/app', 3, []],
    ['Enter on a directory goes into it', 'jj\r', '/work/app/docs', 0, [{ type: 'list-dir', dir: '/work/app/docs' }]],
    ['l goes into it too', 'jjjl', '/work/app/src', 0, [{ type: 'list-dir', dir: '/work/app/src' }]],
    ['h goes up', 'h', '/work', 0, [{ type: 'list-dir', dir: '/work' }]],
    ['Backspace goes up', '\x7f', '/work', 0, [{ type: 'list-dir', dir: '/work' }]],
    ['/ filters, Enter ends the filter, Space chooses', '/sr\r ', null, null, [{ type: 'inspect-dir', dir: '/work/app/src' }]],
    ['a filter starting with a dot shows hidden directories', '/.g\r ', null, null, [{ type: 'inspect-dir', dir: '/work/app/.git' }]],
    ['Space on the first row chooses this directory', ' ', null, null, [{ type: 'inspect-dir', dir: '/work/app' }]],
    ['Enter on the first row chooses it too', '\r', null, null, [{ type: 'inspect-dir', dir: '/work/app' }]],
  ])('%s', (_name, input, dir, index, effects) => {
    const result = run(input);
    if (dir !== null) {
      expect(result.dialog?.step).toBe('pick');
      expect(result.dialog?.picker.dir).toBe(dir);
      expect(result.dialog?.picker.index).toBe(index);
    } else {
      expect(result.dialog?.step).toBe('form');
    }
    expect(result.effects).toEqual(effects);
  });

  it.each(['\x1b', 'q', '\x03'])('%j leaves the picker', (input) => {
    expect(run(input).dialog).toBeNull();
  });

  it('puts the cursor on the directory it came from after going up', () => {
    const up = run('h').dialog!;
    const listed = dirListed(up, '/work', ['app', 'lib', 'zzz'], null);
    expect(listed.picker.index).toBe(1);
  });

  it('ignores a listing for a directory it already left', () => {
    const moved = run('h').dialog!;
    expect(dirListed(moved, '/work/app', ['x'], null).picker.entries).toBeNull();
  });
});

describe('new-pane dialog: form', () => {
  const form = () => run(' ').dialog!;

  it('prefills the name from the directory and the command from the default', () => {
    const dialog = form();
    expect(dialog.step === 'form' && [dialog.form.name.text, dialog.form.command.text, dialog.form.field]).toEqual(['app', 'bash', 'name']);
  });

  it.each<[string, string, Effect[]]>([
    ['Enter creates the pane with the defaults', '\r', [{ type: 'create-pane', cwd: '/work/app', name: 'app', command: 'bash' }]],
    ['the name can be typed', '\x15api\r', [{ type: 'create-pane', cwd: '/work/app', name: 'api', command: 'bash' }]],
    ['Tab moves to the command', '\t\x15vim\r', [{ type: 'create-pane', cwd: '/work/app', name: 'app', command: 'vim' }]],
    ['an empty command does not create', '\t\x15\r', []],
  ])('%s', (_name, input, effects) => {
    expect(run(input, form()).effects).toEqual(effects);
  });

  it('Escape returns to the picker where it was', () => {
    const back = run('\x1b', form()).dialog!;
    expect(back.step).toBe('pick');
    expect(back.picker.dir).toBe('/work/app');
  });

  it('shows what it learned about the directory, without blocking', () => {
    const inspected = dirInspected(form(), '/work/app', ['.dot-agent-deck.toml:3: bad']);
    expect(inspected.step === 'form' && inspected.form.notes).toEqual(['.dot-agent-deck.toml:3: bad']);
    expect(run('\r', inspected).effects).toHaveLength(1);
  });
});

describe('new-pane dialog: workspace modes', () => {
  const inspected = () => dirInspected(run(' ').dialog!, '/work/app', [], ['dev-flow'], null, { modes: ['dev', 'review'], agents: ['claude', 'codex'] });

  it('cycles no mode, every [[modes]], then every [[orchestrations]]', () => {
    const dialog = inspected();
    expect(dialog.step === 'form' && dialog.form.modes).toEqual(['', 'mode: dev', 'mode: review', 'orchestration: dev-flow']);
  });

  it.each<[string, string, Effect[]]>([
    ['a mode opens its tab around the Command', '\x1b[Z\x1b[C\r', [{ type: 'open-mode', cwd: '/work/app', mode: 'dev', name: 'app', command: 'bash' }]],
    ['the second mode', '\x1b[Z\x1b[C\x1b[C\r', [{ type: 'open-mode', cwd: '/work/app', mode: 'review', name: 'app', command: 'bash' }]],
    ['the orchestration after the modes', '\x1b[Z\x1b[D\r', [{ type: 'open-orchestration', cwd: '/work/app', orchestration: 'dev-flow' }]],
    ['a mode needs a command for its agent pane', '\x1b[Z\x1b[C\x1b[Z\x1b[Z\x15\r', []],
  ])('%s', (_name, input, effects) => {
    expect(run(input, inspected()).effects).toEqual(effects);
  });

  it.each<[string, string, Effect[]]>([
    [
      'the Agent field sets Command to the CLI found on PATH',
      '\x1b[Z\x1b[Z\x1b[C\r',
      [{ type: 'create-pane', cwd: '/work/app', name: 'app', command: 'claude' }],
    ],
    ['the next one', '\x1b[Z\x1b[Z\x1b[C\x1b[C\r', [{ type: 'create-pane', cwd: '/work/app', name: 'app', command: 'codex' }]],
    ['back to "as typed" keeps the last Command', '\x1b[Z\x1b[Z\x1b[C\x1b[D\r', [{ type: 'create-pane', cwd: '/work/app', name: 'app', command: 'claude' }]],
    [
      'a Command typed after choosing an agent wins',
      '\x1b[Z\x1b[Z\x1b[C\x1b[Z\x15claude --resume\r',
      [{ type: 'create-pane', cwd: '/work/app', name: 'app', command: 'claude --resume' }],
    ],
  ])('%s', (_name, input, effects) => {
    expect(run(input, inspected()).effects).toEqual(effects);
  });
});
