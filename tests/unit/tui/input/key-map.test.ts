import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYBINDINGS, type Keybindings } from '../../../../src/config/keybindings.js';
import { buildKeyMap, prefixBytes } from '../../../../src/tui/input/key-map.js';

const custom = (overrides: Partial<Keybindings>): Keybindings => ({ ...DEFAULT_KEYBINDINGS, ...overrides });

describe('buildKeyMap', () => {
  const map = buildKeyMap(DEFAULT_KEYBINDINGS);

  it.each<[string, string | undefined]>([
    ['ctrl+d', 'toggle_mode'],
    ['ctrl+pageup', 'prev_tab'],
    ['ctrl+pagedown', 'next_tab'],
    ['ctrl+n', undefined],
    ['ctrl+t', undefined],
    ['ctrl+c', undefined],
    ['j', undefined],
    ['enter', undefined],
  ])('while typing, %s runs %s', (key, action) => {
    expect(map.typing.get(key)).toBe(action);
  });

  it.each<[string, string | undefined]>([
    ['ctrl+d', 'toggle_mode'],
    ['j', 'select_next'],
    ['down', 'select_next'],
    ['k', 'select_prev'],
    ['up', 'select_prev'],
    ['enter', 'focus_selected'],
    ['1', 'focus_1'],
    ['9', 'focus_9'],
    ['h', 'prev_tab'],
    ['left', 'prev_tab'],
    ['shift+tab', 'prev_tab'],
    ['l', 'next_tab'],
    ['right', 'next_tab'],
    ['tab', 'next_tab'],
    ['ctrl+w', 'close_pane'],
    ['r', 'rename_pane'],
    ['/', 'filter'],
    ['pageup', 'scroll_up'],
    ['pagedown', 'scroll_down'],
    ['?', 'help'],
    ['ctrl+c', 'quit'],
    ['ctrl+n', 'new_pane'],
    ['ctrl+t', 'toggle_layout'],
    ['d', 'send_prefix'],
    ['escape', 'cancel'],
    ['x', undefined],
  ])('in command mode, %s runs %s', (key, action) => {
    expect(map.command.get(key)).toBe(action);
  });

  it('lists the keys of an action, configured ones first', () => {
    expect(map.keysOf('select_next')).toEqual(['j', 'down']);
    expect(map.keysOf('prev_tab')).toEqual(['ctrl+pageup', 'h', 'left', 'shift+tab']);
  });

  it('lets a user binding take a fixed key', () => {
    const remapped = buildKeyMap(custom({ help: ['h'] }));
    expect(remapped.command.get('h')).toBe('help');
    expect(remapped.command.get('left')).toBe('prev_tab');
  });

  it('never intercepts a plain key while typing, even when tab switching is bound to one', () => {
    const remapped = buildKeyMap(custom({ next_tab: ['n', 'alt+n'] }));
    expect(remapped.typing.get('n')).toBeUndefined();
    expect(remapped.typing.get('alt+n')).toBe('next_tab');
  });

  it('follows a remapped prefix, including the key that sends it', () => {
    const remapped = buildKeyMap(custom({ toggle_mode: ['ctrl+a'] }));
    expect(remapped.typing.get('ctrl+a')).toBe('toggle_mode');
    expect(remapped.typing.get('ctrl+d')).toBeUndefined();
    expect(remapped.command.get('a')).toBe('send_prefix');
    expect(prefixBytes(custom({ toggle_mode: ['ctrl+a'] }))).toEqual(Buffer.from([0x01]));
    expect(prefixBytes(DEFAULT_KEYBINDINGS)).toEqual(Buffer.from([0x04]));
  });
});
