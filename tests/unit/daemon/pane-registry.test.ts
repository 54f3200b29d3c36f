import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/common/errors.js';
import { PaneRegistry, type PaneChange } from '../../../src/daemon/pane-registry.js';
import { FakePane } from '../../helpers/fake-pane.js';

function setup(failFor: string[] = []) {
  const panes = new Map<string, FakePane>();
  const registry = new PaneRegistry({
    factory: (options) => {
      if (failFor.includes(options.cwd)) throw new UserError(`The directory ${options.cwd} does not exist.`);
      const pane = new FakePane(options.paneId, options.agentId);
      panes.set(options.paneId, pane);
      return pane;
    },
    socketPath: '/nowhere',
    env: {},
    scrollback: 100,
  });
  const changes: PaneChange[] = [];
  registry.onDidChange((change) => changes.push(change));
  return { registry, panes, changes };
}

describe('PaneRegistry', () => {
  it('names panes after their directory, unique among the panes', () => {
    const { registry } = setup();
    const names = [
      registry.create({ command: 'x', cwd: '/src/shop' }),
      registry.create({ command: 'x', cwd: '/other/shop' }),
      registry.create({ command: 'x', cwd: '/src/shop', name: 'mine' }),
    ].map((pane) => pane.name);
    expect(names).toEqual(['shop', 'shop-2', 'mine']);
  });

  it.each([
    { ref: 'p1', expected: 'p1' },
    { ref: 'coder', expected: 'p2' },
  ])('resolves $ref to $expected', ({ ref, expected }) => {
    const { registry } = setup();
    registry.create({ command: 'x', cwd: '/a', name: 'orchestrator' });
    registry.create({ command: 'x', cwd: '/a', name: 'coder' });
    expect(registry.resolve(ref)).toBe(expected);
  });

  it.each([
    { ref: 'twin', message: 'More than one pane is named "twin".', hint: 'use a pane id instead: p1, p2' },
    { ref: 'ghost', message: 'No pane "ghost".', hint: 'panes: p1 (twin), p2 (twin)' },
  ])('refuses $ref with a hint', ({ ref, message, hint }) => {
    const { registry } = setup();
    registry.create({ command: 'x', cwd: '/a', name: 'twin' });
    registry.create({ command: 'x', cwd: '/a', name: 'twin' });
    expect(() => registry.resolve(ref)).toThrow(expect.objectContaining({ message, hint }));
  });

  it('keeps a restored pane that cannot start, marked failed, and never reuses its id', () => {
    const { registry } = setup(['/gone']);
    const failed = registry.create({ id: 'p7', name: 'old', command: 'x', cwd: '/gone', restored: true });
    expect(failed).toMatchObject({ id: 'p7', state: 'failed', restored: true, failure: 'The directory /gone does not exist.' });
    expect(registry.create({ command: 'x', cwd: '/a' }).id).toBe('p8');
    expect(() => registry.host('p7')).toThrow(/never started/);
  });

  it('throws for a new pane that cannot start, adding nothing', () => {
    const { registry } = setup(['/gone']);
    expect(() => registry.create({ command: 'x', cwd: '/gone' })).toThrow('The directory /gone does not exist.');
    expect(registry.list()).toEqual([]);
  });

  it('asks to persist changes to the set of panes, not title animations', async () => {
    const { registry, panes, changes } = setup();
    registry.create({ command: 'x', cwd: '/a' });
    registry.rename('p1', 'renamed');
    panes.get('p1')!.setTitle('⠋ working');
    panes.get('p1')!.exitWith({ exitCode: 0, signal: null });
    await registry.kill('p1');
    // create, rename, the title, the exit and its status (exited, not persisted), kill.
    expect(changes).toEqual([{ persist: true }, { persist: true }, { persist: false }, { persist: true }, { persist: false }, { persist: true }]);
  });

  it('saves only running panes for a restore', () => {
    const { registry, panes } = setup();
    registry.create({ command: 'claude', cwd: '/a', name: 'coder', tab: 'dev', role: 'coder' });
    registry.create({ command: 'true', cwd: '/a', name: 'done' });
    panes.get('p2')!.exitWith({ exitCode: 0, signal: null });
    expect(registry.specs()).toEqual([{ id: 'p1', name: 'coder', command: 'claude', cwd: '/a', tab: 'dev', role: 'coder' }]);
  });
});
