import { describe, expect, it } from 'vitest';
import { checkDispatchName, dispatchBranch, dispatchNameOf, dispatchPath } from '../../../src/daemon/dispatch-names.js';

describe('dispatch names', () => {
  it.each(['fix-login', 'nightly_deps', 'v2.1', 'A1'])('accepts %j', (name) => {
    expect(() => checkDispatchName(name)).not.toThrow();
  });

  it.each([
    ['', 'must not be empty'],
    ['a/b', 'contains "/"'],
    ['x..y', 'contains ".."; git refuses that in a branch name'],
    ['job.lock', 'ends in ".lock"'],
    ['job.', 'ends in "."'],
    ['.hidden', 'starts with "."'],
    ['fix login', 'contains a space'],
    ['a~b', 'contains "~"'],
  ])('refuses %j: %s', (name, why) => {
    expect(() => checkDispatchName(name)).toThrow(why);
  });

  it.each([
    ['/src/app', 'fix', '/src/app-dispatch-fix'],
    ['/home/me/work/api', 'nightly', '/home/me/work/api-dispatch-nightly'],
  ])('puts the worktree of %s/%s beside it: %s', (repo, name, path) => {
    expect(dispatchPath(repo, name)).toBe(path);
  });

  it.each([
    ['refs/heads/agent/dispatch-fix', 'fix'],
    ['agent/dispatch-a.b', 'a.b'],
    ['refs/heads/main', null],
    ['refs/heads/agent/other', null],
  ])('reads the NAME of branch %s', (branch, name) => {
    expect(dispatchNameOf(branch)).toBe(name);
    if (name) expect(dispatchBranch(name)).toBe(branch.replace('refs/heads/', ''));
  });
});
