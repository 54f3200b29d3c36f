import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installCliLauncher, launcherScript, prependPath } from '../../../src/daemon/cli-launcher.js';

describe('prependPath', () => {
  it.each([
    { dir: '/run/bin', path: '/usr/bin:/bin', expected: '/run/bin:/usr/bin:/bin' },
    { dir: '/run/bin', path: '/usr/bin:/run/bin:/bin', expected: '/run/bin:/usr/bin:/bin' },
    { dir: '/run/bin', path: undefined, expected: '/run/bin' },
    { dir: '/run/bin', path: '/usr/bin::/bin', expected: '/run/bin:/usr/bin:/bin' },
  ])('$dir before $path', ({ dir, path, expected }) => expect(prependPath(dir, path)).toBe(expected));
});

describe('installCliLauncher', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('quotes paths with spaces and quotes so the shell runs exactly them', () => {
    expect(launcherScript('/opt/my node/bin/node', "/it's here/cli.js")).toContain(`exec '/opt/my node/bin/node' '/it'\\''s here/cli.js' "$@"`);
  });

  it('writes a private executable that runs the given CLI with its arguments', () => {
    root = mkdtempSync(join(tmpdir(), 'dad-launcher-'));
    const fakeCli = join(root, 'cli.mjs');
    execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(fakeCli)}, 'console.log(JSON.stringify(process.argv.slice(2)))')`]);
    const dir = installCliLauncher(root, process.execPath, fakeCli);
    const launcher = join(dir, 'dot-agent-deck');
    expect(statSync(launcher).mode & 0o777).toBe(0o700);
    expect(JSON.parse(execFileSync(launcher, ['work-done', '--task', 'a b; rm -rf ~'], { encoding: 'utf8' }))).toEqual([
      'work-done',
      '--task',
      'a b; rm -rf ~',
    ]);
  });
});
