import { describe, expect, it } from 'vitest';
import type { KeyEvent } from '../../../../src/tui/input/input-event.js';
import { configGenDialogKey, openConfigGen } from '../../../../src/tui/state/dialogs/config-gen-dialog.js';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import type { ConfigGenChoice, Dialog } from '../../../../src/tui/state/deck-state.js';
import { deck, keys, pane } from './fixtures.js';

type ConfigGenDialog = Extract<Dialog, { kind: 'generate-config' }>;
const key = (name: string) => ({ kind: 'key', key: name }) as KeyEvent;
const dialog = (choice: ConfigGenChoice = 'yes'): ConfigGenDialog => ({ kind: 'generate-config', paneId: 'p1', dir: '/home/me/p1', choice });

describe('the config-generation dialog', () => {
  it('opens on Yes for the pane and its directory', () => {
    expect(openConfigGen(pane('p1'))).toEqual(dialog('yes'));
  });

  it.each<[string, ConfigGenDialog, string, ConfigGenDialog | null, unknown[]]>([
    ['Enter on Yes asks the daemon', dialog('yes'), 'enter', null, [{ type: 'generate-config', paneId: 'p1' }]],
    ['y is Yes from anywhere', dialog('never'), 'y', null, [{ type: 'generate-config', paneId: 'p1' }]],
    ['Enter on No does nothing', dialog('no'), 'enter', null, []],
    ['n is No', dialog('yes'), 'n', null, []],
    ['Escape is No', dialog('yes'), 'escape', null, []],
    ['Enter on Never remembers the directory', dialog('never'), 'enter', null, [{ type: 'config-gen-never', dir: '/home/me/p1' }]],
    ['right moves to No', dialog('yes'), 'right', dialog('no'), []],
    ['right from No moves to Never', dialog('no'), 'right', dialog('never'), []],
    ['left from Yes wraps to Never', dialog('yes'), 'left', dialog('never'), []],
    ['other keys change nothing', dialog('no'), 'x', dialog('no'), []],
  ])('%s', (_name, given, name, next, effects) => {
    expect(configGenDialogKey(given, key(name))).toEqual({ dialog: next, effects });
  });

  it('takes keys through the reducer while open', () => {
    const result = update(deck({ dialog: dialog('yes') }), { type: 'dialog-input', event: key('enter') }, keys);
    expect(result.state.dialog).toBeNull();
    expect(result.effects).toEqual([{ type: 'generate-config', paneId: 'p1' }]);
  });
});

describe('hints at ctrl+d g', () => {
  it('adds a note to the new-pane form when the directory may get a config', () => {
    const form = update(deck(), { type: 'action', action: 'new_pane' }, keys).state;
    const opened = update(form, { type: 'dir-listed', dir: '/home/me', entries: [], error: null }, keys).state;
    const chosen = update(opened, { type: 'dialog-input', event: key('space') }, keys).state;
    const note = 'no .dot-agent-deck.toml here: once your agent runs, ctrl+d g asks it to write one';
    const offered = update(chosen, { type: 'dir-inspected', dir: '/home/me', notes: [], offerConfigGen: true }, keys).state;
    const declined = update(chosen, { type: 'dir-inspected', dir: '/home/me', notes: [], offerConfigGen: false }, keys).state;
    expect(JSON.stringify(offered.dialog)).toContain(note);
    expect(JSON.stringify(declined.dialog)).not.toContain(note);
  });

  it('remembers and forgets the start directory hint', () => {
    const hinted = update(deck(), { type: 'config-hint', dir: '/home/me' }, keys).state;
    expect(hinted.configHintDir).toBe('/home/me');
    expect(update(hinted, { type: 'config-hint', dir: null }, keys).state.configHintDir).toBeNull();
  });
});
