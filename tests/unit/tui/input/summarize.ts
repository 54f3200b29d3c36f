// Compact, readable forms of input events for table-driven tests.
import type { InputEvent } from '../../../../src/tui/input/input-event.js';

export function summarize(event: InputEvent): string {
  switch (event.kind) {
    case 'key':
      return `key:${event.key}`;
    case 'paste':
      return `paste:${event.data.toString('utf8')}`;
    case 'mouse': {
      const mods = [event.ctrl && 'ctrl', event.alt && 'alt', event.shift && 'shift'].filter(Boolean).join('+');
      return `mouse:${event.action}:${event.button}@${event.x},${event.y}${mods ? `:${mods}` : ''}`;
    }
    case 'focus':
      return `focus:${event.focused ? 'in' : 'out'}`;
  }
}

/** Bytes as they come from a terminal: escape sequences are ASCII, text is UTF-8. */
export const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
