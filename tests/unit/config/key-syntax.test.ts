import { describe, expect, it } from 'vitest';
import { parseKey } from '../../../src/config/key-syntax.js';

describe('parseKey', () => {
  it.each<[string, string]>([
    ['j', 'j'],
    ['G', 'G'],
    ['?', '?'],
    ['/', '/'],
    ['+', '+'],
    ['alt++', 'alt++'],
    ['enter', 'enter'],
    ['Enter', 'enter'],
    ['esc', 'escape'],
    ['pgup', 'pageup'],
    ['ctrl+d', 'ctrl+d'],
    ['Ctrl+D', 'ctrl+d'],
    ['ctrl+pageup', 'ctrl+pageup'],
    ['shift+tab', 'shift+tab'],
    ['alt+ctrl+x', 'ctrl+alt+x'],
    ['alt+X', 'alt+X'],
    ['f12', 'f12'],
    ['ctrl+_', 'ctrl+_'],
  ])('accepts %s as %s', (spec, canonical) => {
    expect(parseKey(spec)).toEqual({ ok: true, key: canonical });
  });

  it.each<[string, string]>([
    ['', 'a key must not be empty'],
    ['ctrl d', '"ctrl d" contains a space: write "space" for the space bar, and join modifiers with "+" (e.g. "ctrl+d")'],
    ['ctrl+', '"ctrl+" ends with "+": name the key after the modifiers, e.g. "ctrl+d"'],
    ['cmd+d', 'unknown modifier "cmd" in "cmd+d": use ctrl, alt or shift'],
    ['crtl+d', 'unknown modifier "crtl" in "crtl+d": use "ctrl"'],
    ['ctrl+ctrl+d', '"ctrl+ctrl+d" names ctrl twice'],
    ['pagup', 'unknown key "pagup": did you mean "pageup"?'],
    ['shift+g', 'write the character shift produces (e.g. "G" or "?") instead of "shift+g"; shift+ is for named keys such as "shift+tab"'],
    ['ctrl+i', '"ctrl+i" sends the same byte as "tab" in a terminal: bind "tab" or another ctrl+letter'],
    ['ctrl+1', '"ctrl+1" is not a key a terminal can send: use ctrl with a letter'],
    ['\u0007', 'a key must be a visible character or a key name such as "tab"'],
  ])('rejects %j', (spec, message) => {
    expect(parseKey(spec)).toEqual({ ok: false, message });
  });
});
