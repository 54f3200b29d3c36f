// Moving between the buttons of a dialog with the keys a tmux or vim user reaches for.

const PREVIOUS = new Set(['left', 'h', 'k', 'up', 'shift+tab']);
const NEXT = new Set(['right', 'l', 'j', 'down', 'tab']);

/** The option after moving by `key`, wrapping; the same option for keys that do not move. */
export function moveChoice<T>(options: readonly T[], current: T, key: string): T {
  const index = options.indexOf(current);
  if (PREVIOUS.has(key)) return options[(index - 1 + options.length) % options.length]!;
  if (NEXT.has(key)) return options[(index + 1) % options.length]!;
  return current;
}

export const isMoveKey = (key: string): boolean => PREVIOUS.has(key) || NEXT.has(key);
