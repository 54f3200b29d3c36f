import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../src/tui/input/parse-input.js';

// What the outer terminal sends with the kitty "disambiguate" flag, and the key the deck sees.
describe('kitty keyboard keys', () => {
  it.each<[string, string, string, string]>([
    ['shift+enter keeps its CSI u bytes', '\x1b[13;2u', 'shift+enter', '1b5b31333b3275'],
    ['ctrl+enter keeps its CSI u bytes', '\x1b[13;5u', 'ctrl+enter', '1b5b31333b3575'],
    ['ctrl+d is the legacy EOT', '\x1b[100;5u', 'ctrl+d', '04'],
    ['ctrl+c is the legacy ETX', '\x1b[99;5u', 'ctrl+c', '03'],
    ['ctrl+shift+w is ctrl+w', '\x1b[119;6u', 'ctrl+w', '17'],
    ['escape is ESC', '\x1b[27u', 'escape', '1b'],
    ['alt+x is ESC x', '\x1b[120;3u', 'alt+x', '1b78'],
    ['shift+tab is CSI Z', '\x1b[9;2u', 'shift+tab', '1b5b5a'],
    ['ctrl+backspace is BS', '\x1b[127;5u', 'backspace', '08'],
    ['a plain letter', '\x1b[106u', 'j', '6a'],
    ['a keypad key has no legacy form', '\x1b[57399u', 'unknown', '1b5b353733393975'],
  ])('%s', (_what, input, name, hex) => {
    const { events } = parseInput(Buffer.from(input, 'latin1'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'key', key: name });
    expect((events[0] as { raw: Buffer }).raw.toString('hex')).toBe(hex);
  });

  it.each([
    ['a key release', '\x1b[97;1:3u'],
    ["the terminal's answer to a flags query", '\x1b[?1u'],
  ])('%s is no key', (_what, input) => {
    expect(parseInput(Buffer.from(input, 'latin1')).events).toEqual([]);
  });
});
