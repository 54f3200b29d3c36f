import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import type { KeyEvent, PasteEvent } from '../../../../src/tui/input/input-event.js';
import { editField, emptyField } from '../../../../src/tui/state/text-field.js';

/** Edits "hello wide world" (cursor at the end) with the given keys; "|" marks the cursor. */
function edit(input: string, start = 'hello wide world'): string {
  let field = emptyField(start);
  for (const event of parseInput(Buffer.from(input, 'utf8'), { flush: true }).events as Array<KeyEvent | PasteEvent>) {
    field = editField(field, event) ?? field;
  }
  const chars = [...field.text];
  return [...chars.slice(0, field.cursor), '|', ...chars.slice(field.cursor)].join('');
}

describe('editField', () => {
  it.each<[string, string, string]>([
    ['types at the end', '!', 'hello wide world!|'],
    ['space types a space', ' ', 'hello wide world |'],
    ['backspace deletes before the cursor', '\x7f', 'hello wide worl|'],
    ['left then type inserts', '\x1b[D\x1b[DX', 'hello wide worX|ld'],
    ['home and end', '\x1b[HA\x1b[FZ', 'Ahello wide worldZ|'],
    ['ctrl+a and ctrl+e', '\x01A\x05Z', 'Ahello wide worldZ|'],
    ['ctrl+w deletes a word', '\x17', 'hello wide |'],
    ['ctrl+u deletes to the start', '\x1b[D\x15', '|d'],
    ['ctrl+k deletes to the end', '\x01\x1b[C\x0b', 'h|'],
    ['delete removes under the cursor', '\x01\x1b[3~', '|ello wide world'],
    ['backspace at the start does nothing', '\x01\x7f', '|hello wide world'],
    ['wide characters count as one', '\x7f\x7f漢字', 'hello wide wor漢字|'],
    ['a paste drops control characters', '\x1b[200~a\r\nb\x1b[201~', 'hello wide worldab|'],
    ['enter does not edit', '\r', 'hello wide world|'],
  ])('%s', (_name, input, expected) => {
    expect(edit(input)).toBe(expected);
  });

  it('stops at the maximum length', () => {
    const field = editField(emptyField('abc'), { kind: 'paste', data: Buffer.from('defgh') }, 5);
    expect(field?.text).toBe('abcde');
  });
});
