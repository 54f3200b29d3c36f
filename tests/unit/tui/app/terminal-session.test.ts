import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ENTER_SEQUENCE, TerminalSession } from '../../../../src/tui/app/terminal-session.js';

/** A terminal's stdin and stdout: raw mode recorded, what the deck writes kept. */
function streams() {
  const stdin = Object.assign(new PassThrough(), {
    isRaw: false,
    setRawMode(raw: boolean) {
      stdin.isRaw = raw;
      return stdin;
    },
  });
  const written: string[] = [];
  const stdout = Object.assign(new PassThrough(), { write: (text: string) => written.push(text) > 0 });
  return { stdin, stdout, written };
}

describe('TerminalSession', () => {
  it.each([
    ['flowing at once', false, ['ab', 'cd']],
    ['held until released, then in order', true, []],
  ])('keys %s', async (_name, holdKeys, beforeRelease) => {
    const { stdin, stdout, written } = streams();
    const session = new TerminalSession({ stdin: stdin as never, stdout: stdout as never });
    session.enter({ holdKeys });
    expect(stdin.isRaw).toBe(true);
    expect(written.join('')).toBe(ENTER_SEQUENCE);
    const got: string[] = [];
    stdin.on('data', (chunk: Buffer) => got.push(chunk.toString()));
    stdin.write('ab');
    stdin.write('cd');
    await new Promise((resolve) => setImmediate(resolve));
    expect(got).toEqual(beforeRelease);
    session.releaseKeys();
    await new Promise((resolve) => setImmediate(resolve));
    expect(got.join('')).toBe('abcd');
    session.dispose();
  });
});
