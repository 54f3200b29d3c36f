import { describe, expect, it } from 'vitest';
import { choosePtyModule } from '../../../src/pty/pty-binding.js';

const works = { spawn: () => undefined };
const missingBinary = () => {
  throw new Error('The @lydell/node-pty package currently does not support your platform: linux-riscv64\nmore');
};
const notInstalled = () => {
  throw Object.assign(new Error("Cannot find module 'node-pty'"), { code: 'MODULE_NOT_FOUND' });
};

type Outcome = (() => unknown) | object;

/** A require() that gives each package its outcome: a module, or a function that throws. */
const loader = (prebuilt: Outcome, source: Outcome) => (name: string) => {
  const outcome = name === '@lydell/node-pty' ? prebuilt : source;
  return typeof outcome === 'function' ? (outcome as () => unknown)() : outcome;
};

describe('choosePtyModule', () => {
  it.each<[string, Outcome, Outcome, string]>([
    ['the prebuilt when it loads', works, notInstalled, '@lydell/node-pty'],
    ['the prebuilt even when the source build exists too', works, works, '@lydell/node-pty'],
    ['the source build when the prebuilt has no binary for the platform', missingBinary, works, 'node-pty'],
    ['the source build when the prebuilt loads without a spawn', {}, works, 'node-pty'],
  ])('picks %s', (_what, prebuilt, source, expected) => {
    expect(choosePtyModule(loader(prebuilt, source)).name).toBe(expected);
  });

  it.each<[string, Outcome, Outcome, RegExp]>([
    ['neither loads', missingBinary, notInstalled, /@lydell\/node-pty: .*does not support your platform: linux-riscv64; node-pty: Cannot find module/],
    ['the prebuilt has no spawn and the source build is missing', {}, notInstalled, /@lydell\/node-pty: it has no spawn function; node-pty: Cannot find/],
  ])('says what failed when %s, in one line, with what to do', (_what, prebuilt, source, message) => {
    let thrown: unknown;
    try {
      choosePtyModule(loader(prebuilt, source));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'UserError', message: expect.stringMatching(message) });
    expect((thrown as Error).message).not.toContain('\n');
    expect((thrown as { hint: string }).hint).toMatch(/reinstall dot-agent-deck with npm/);
  });
});
