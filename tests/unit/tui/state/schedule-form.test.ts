import { describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../../../src/protocol/messages.js';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import type { KeyEvent, PasteEvent } from '../../../../src/tui/input/input-event.js';
import type { Effect } from '../../../../src/tui/state/effect.js';
import {
  editorDirListed,
  editorInput,
  editorSaved,
  formFields,
  openEditor,
  type ScheduleEditor,
  type ScheduleForm,
} from '../../../../src/tui/state/dialogs/schedule-form.js';

const schedule = (over: Partial<ScheduleView> = {}): ScheduleView => ({
  name: 'nightly',
  cron: '0 3 * * *',
  dir: '/work/app',
  action: { kind: 'command', command: 'npm test' },
  overlap: 'skip',
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastRun: null,
  nextFireAt: '2026-01-02T03:00:00.000Z',
  live: false,
  ...over,
});

/** Opens the editor (adding in /work/app, or editing `editing`) with its listing, then types `input`. */
function run(input: string, editing: ScheduleView | null = null) {
  const opened = openEditor(editing, '/work/app');
  let editor: ScheduleEditor | null = editorDirListed(opened.editor!, editing?.dir ?? '/work/app', ['docs', 'src'], null);
  const effects: Effect[] = [...opened.effects];
  for (const event of parseInput(Buffer.from(input, 'utf8'), { flush: true }).events as Array<KeyEvent | PasteEvent>) {
    if (!editor) break;
    const step = editorInput(editor, event);
    editor = step.editor;
    effects.push(...step.effects);
  }
  return { editor, effects, form: editor?.step === 'form' ? editor.form : null };
}

const TAB = '\t';
const RIGHT = '\x1b[C';
const ESC = '\x1b';

describe('schedule editor: directory picker', () => {
  it.each<[string, string, ScheduleView | null, string, Effect[]]>([
    ['adding starts in the deck directory and lists it', '', null, '/work/app', [{ type: 'list-dir', dir: '/work/app' }]],
    ['editing starts in the schedule directory', '', schedule({ dir: '/srv/site' }), '/srv/site', [{ type: 'list-dir', dir: '/srv/site' }]],
    [
      'Enter on a subdirectory goes into it',
      'jj\r',
      null,
      '/work/app/src',
      [
        { type: 'list-dir', dir: '/work/app' },
        { type: 'list-dir', dir: '/work/app/src' },
      ],
    ],
  ])('%s', (_name, input, editing, dir, effects) => {
    const { editor, effects: got } = run(input, editing);
    expect(editor).toMatchObject({ step: 'pick', picker: { dir } });
    expect(got).toEqual(effects);
  });

  it.each<[string, string, string | null]>([
    ['Enter on ./ chooses the directory', '\r', '/work/app'],
    ['Space on a subdirectory chooses it', 'j ', '/work/app/docs'],
    ['Esc goes back to the list', ESC, null],
    ['q goes back to the list', 'q', null],
  ])('%s', (_name, input, dir) => {
    const { editor, form } = run(input);
    if (dir === null) expect(editor).toBeNull();
    else expect(form).toMatchObject({ dir, field: 'name', editing: null });
  });
});

describe('schedule editor: form', () => {
  it.each<[string, string, ScheduleView | null, Partial<ScheduleForm> | null, Effect[]]>([
    [
      'adds an orchestration run with the defaults',
      `\rnightly\r`,
      null,
      { saving: true, error: null },
      [
        {
          type: 'schedule-add',
          schedule: { name: 'nightly', cron: '0 3 * * *', dir: '/work/app', action: { kind: 'orchestration' }, overlap: 'skip', enabled: true },
        },
      ],
    ],
    [
      'adds an orchestration with a name and a task file',
      `\rdeps${TAB}\x15*/5 * * * *${TAB}${TAB}dev${TAB}task.md\r`,
      null,
      { saving: true },
      [
        {
          type: 'schedule-add',
          schedule: {
            name: 'deps',
            cron: '*/5 * * * *',
            dir: '/work/app',
            action: { kind: 'orchestration', orchestration: 'dev', taskFile: 'task.md' },
            overlap: 'skip',
            enabled: true,
          },
        },
      ],
    ],
    [
      'adds one command, reusing the live run, disabled',
      `\rtests${TAB}${TAB}${RIGHT}${TAB}npm test${TAB} ${TAB} \r`,
      null,
      { start: 'command', overlap: 'reuse', enabled: false, saving: true },
      [
        {
          type: 'schedule-add',
          schedule: { name: 'tests', cron: '0 3 * * *', dir: '/work/app', action: { kind: 'command', command: 'npm test' }, overlap: 'reuse', enabled: false },
        },
      ],
    ],
    ['refuses an empty name here, without asking the daemon', `\r\r`, null, { field: 'name', error: 'Give the schedule a name.', saving: false }, []],
    ['refuses an empty cron', `\rx${TAB}\x15\r`, null, { field: 'cron', saving: false }, []],
    ['refuses one command left empty', `\rx${TAB}${TAB}${RIGHT}\r`, null, { field: 'command', error: 'Give the command the schedule runs in a pane.' }, []],
    [
      'edits: prefilled, on the cron, and sends only a patch',
      `\r\x15*/10 * * * *\r`,
      schedule(),
      { editing: 'nightly', saving: true },
      [
        { type: 'list-dir', dir: '/work/app' },
        {
          type: 'schedule-update',
          name: 'nightly',
          patch: { cron: '*/10 * * * *', dir: '/work/app', overlap: 'skip', enabled: true, action: { kind: 'command', command: 'npm test' } },
        },
      ],
    ],
    [
      'editing a dispatch schedule keeps its action',
      `\r${TAB}${TAB} \r`,
      schedule({ action: { kind: 'dispatch', taskFile: 'deps.md' } }),
      { start: 'dispatch', overlap: 'reuse' },
      [
        { type: 'list-dir', dir: '/work/app' },
        { type: 'schedule-update', name: 'nightly', patch: { cron: '0 3 * * *', dir: '/work/app', overlap: 'reuse', enabled: true } },
      ],
    ],
    ['Esc cancels the form: nothing is saved', `\rnightly${ESC}`, null, null, []],
  ])('%s', (_name, input, editing, expected, effects) => {
    const { editor, form, effects: got } = run(input, editing);
    if (expected === null) expect(editor).toBeNull();
    else expect(form).toMatchObject(expected);
    expect(got.filter((effect) => editing !== null || effect.type !== 'list-dir')).toEqual(effects);
  });

  it.each<[string, ScheduleView | null, string[]]>([
    ['adding an orchestration', null, ['name', 'cron', 'start', 'orchestration', 'taskFile', 'overlap', 'enabled']],
    ['editing one command: the name is fixed', schedule(), ['cron', 'start', 'command', 'overlap', 'enabled']],
    ['editing a dispatch', schedule({ action: { kind: 'dispatch', taskFile: 'x.md' } }), ['cron', 'start', 'overlap', 'enabled']],
  ])('shows the fields for %s', (_name, editing, fields) => {
    expect(formFields(run('\r', editing).form!)).toEqual(fields);
  });

  it.each<[string, string | null, Partial<ScheduleForm> | null]>([
    ['closes once the daemon saved it', null, null],
    [
      'keeps the form open with the daemon sentence',
      'The schedule "nope" is not a schedule croner accepts (x).',
      { saving: false, error: 'The schedule "nope" is not a schedule croner accepts (x).' },
    ],
  ])('%s', (_name, error, expected) => {
    const { editor } = run('\rnightly\r');
    const after = editorSaved(editor!, error);
    if (expected === null) expect(after).toBeNull();
    else expect(after).toMatchObject({ step: 'form', form: expected });
  });

  it('ignores keys while the daemon has the request, except Esc', () => {
    const { editor } = run('\rnightly\r');
    expect(editorInput(editor!, { kind: 'key', key: 'x', raw: Buffer.from('x') }).editor).toEqual(editor);
    expect(editorInput(editor!, { kind: 'key', key: 'escape', raw: Buffer.from(ESC) }).editor).toBeNull();
  });
});
