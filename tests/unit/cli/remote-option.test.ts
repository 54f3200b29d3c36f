import { describe, expect, it } from 'vitest';
import { splitRemoteOption } from '../../../src/cli/remote-option.js';

describe('splitRemoteOption', () => {
  it.each<[string[], ReturnType<typeof splitRemoteOption>]>([
    [['ls', '--json'], { remote: null, argv: ['ls', '--json'] }],
    [['ls', '--remote', 'gpu', '--json'], { remote: 'gpu', verb: 'daemon', argv: ['ls', '--json'] }],
    [['--remote=gpu', 'capture', 'p1'], { remote: 'gpu', verb: 'daemon', argv: ['capture', 'p1'] }],
    [['up', '--remote', 'gpu', '--orchestration', 'dev'], { remote: 'gpu', verb: 'host', argv: ['up', '--orchestration', 'dev'] }],
    // After `--` the words belong to the pane's command.
    [['new', '--remote', 'gpu', '--', 'tool', '--remote', 'x'], { remote: 'gpu', verb: 'host', argv: ['new', '--', 'tool', '--remote', 'x'] }],
  ])('%j', (argv, expected) => expect(splitRemoteOption(argv)).toEqual(expected));

  it.each<[string[], RegExp]>([
    [['ls', '--remote'], /--remote needs the name of a remote/],
    [['ls', '--remote', '--json'], /--remote needs the name/],
    [['init', '--remote', 'gpu'], /"init" has no --remote/],
    [['--remote', 'gpu'], /The deck itself has no --remote.*connect NAME/],
  ])('refuses %j', (argv, message) => {
    const split = splitRemoteOption(argv);
    expect('error' in split && split.error).toMatch(message);
  });
});
