// A one-line text field edited with readline keys; pure so every dialog shares one behaviour.
import type { KeyEvent, PasteEvent } from '../input/input-event.js';

export interface TextField {
  text: string;
  /** Cursor position in code points. */
  cursor: number;
}

export const emptyField = (text = ''): TextField => ({ text, cursor: [...text].length });

/** The character a key types, or null for keys that do not type (named keys, chords). */
export function typedChar(key: string): string | null {
  if (key === 'space') return ' ';
  const chars = [...key];
  if (chars.length !== 1) return null;
  const code = key.codePointAt(0)!;
  return code < 0x20 || code === 0x7f ? null : key;
}

/** Applies an editing key; null when the key does not edit (enter, escape, up, …). */
export function editField(field: TextField, event: KeyEvent | PasteEvent, maxLength = 200): TextField | null {
  const chars = [...field.text];
  const at = Math.min(field.cursor, chars.length);
  const insert = (text: string): TextField => {
    const added = [...text].slice(0, Math.max(0, maxLength - chars.length));
    return { text: [...chars.slice(0, at), ...added, ...chars.slice(at)].join(''), cursor: at + added.length };
  };
  if (event.kind === 'paste') {
    // One line only: newlines and other control characters in a paste become nothing.
    return insert(event.data.toString('utf8').replace(/[\x00-\x1f\x7f]/g, ''));
  }
  const char = typedChar(event.key);
  if (char !== null) return insert(char);
  switch (event.key) {
    case 'backspace':
      return at === 0 ? field : { text: [...chars.slice(0, at - 1), ...chars.slice(at)].join(''), cursor: at - 1 };
    case 'delete':
    case 'ctrl+d':
      return { text: [...chars.slice(0, at), ...chars.slice(at + 1)].join(''), cursor: at };
    case 'left':
    case 'ctrl+b':
      return { ...field, cursor: Math.max(0, at - 1) };
    case 'right':
    case 'ctrl+f':
      return { ...field, cursor: Math.min(chars.length, at + 1) };
    case 'home':
    case 'ctrl+a':
      return { ...field, cursor: 0 };
    case 'end':
    case 'ctrl+e':
      return { ...field, cursor: chars.length };
    case 'ctrl+u':
      return { text: chars.slice(at).join(''), cursor: 0 };
    case 'ctrl+k':
      return { text: chars.slice(0, at).join(''), cursor: at };
    case 'ctrl+w':
    case 'alt+backspace': {
      let start = at;
      while (start > 0 && chars[start - 1] === ' ') start--;
      while (start > 0 && chars[start - 1] !== ' ') start--;
      return { text: [...chars.slice(0, start), ...chars.slice(at)].join(''), cursor: start };
    }
    default:
      return null;
  }
}
