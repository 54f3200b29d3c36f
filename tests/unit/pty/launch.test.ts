import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/common/errors.js';
import { prepareLaunch, type LaunchRequest } from '../../../src/pty/launch.js';

// Created at load time: the it.each tables below are built before any hook runs.
const root = mkdtempSync(join(tmpdir(), 'deck-launch-'));
const bin = join(root, 'bin');

beforeAll(() => {
  mkdirSync(bin);
  writeFileSync(join(bin, 'tool'), '#!/bin/sh\n');
  chmodSync(join(bin, 'tool'), 0o755);
  writeFileSync(join(bin, 'plain.txt'), 'not a program');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const request = (overrides: Partial<LaunchRequest>): LaunchRequest => ({
  command: 'tool',
  cwd: root,
  env: { PATH: bin, SHELL: '/bin/sh' },
  socketPath: '/run/deck.sock',
  paneId: 'p1',
  agentId: 'a1',
  ...overrides,
});

describe('prepareLaunch', () => {
  it('executes plain words directly, with the pane environment', () => {
    const launch = prepareLaunch(request({ command: "tool --flag 'two words'" }));
    expect(launch).toMatchObject({ file: 'tool', args: ['--flag', 'two words'], cwd: root });
    expect(launch.env).toMatchObject({ PATH: bin, DOT_AGENT_DECK_PANE_ID: 'p1', TERM: 'xterm-256color' });
  });

  it('hands shell syntax to $SHELL -c', () => {
    expect(prepareLaunch(request({ command: 'tool && tool' }))).toMatchObject({
      file: '/bin/sh',
      args: ['-c', 'tool && tool'],
    });
  });

  it('uses /bin/sh when SHELL is unset', () => {
    expect(prepareLaunch(request({ command: 'echo $HOME', env: { PATH: bin } })).file).toBe('/bin/sh');
  });

  it('finds a relative program path from the pane directory', () => {
    expect(prepareLaunch(request({ command: './bin/tool' })).file).toBe('./bin/tool');
  });

  it.each<[string, Partial<LaunchRequest>, RegExp]>([
    ['a missing directory', { cwd: join(root, 'nope') }, /Cannot start the pane in .*nope: the directory does not exist/],
    ['a file as directory', { cwd: join(bin, 'tool') }, /it is not a directory/],
    ['a program not on the pane PATH', { command: 'no-such-program-xyz' }, /Cannot start "no-such-program-xyz": no such program on PATH/],
    ['PATH is the pane environment, not the daemon one', { command: 'sh', env: { PATH: join(root, 'empty') } }, /"sh": no such program on PATH/],
    ['a path that is not executable', { command: './bin/plain.txt' }, /"\.\/bin\/plain\.txt": it is not an executable file/],
    ['a directory as program', { command: './bin' }, /it is not an executable file/],
    ['a missing shell', { command: 'a | b', env: { PATH: bin, SHELL: '/no/such/shell' } }, /shell "\/no\/such\/shell" \(from \$SHELL\)/],
    ['an empty command', { command: ' ' }, /empty/],
  ])('refuses %s with a UserError', (_name, overrides, message) => {
    expect(() => prepareLaunch(request(overrides))).toThrow(UserError);
    expect(() => prepareLaunch(request(overrides))).toThrow(message);
  });
});
