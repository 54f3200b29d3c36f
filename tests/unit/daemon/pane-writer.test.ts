import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaneWriters } from '../../../src/daemon/pane-writer.js';
import { FakePane } from '../../helpers/fake-pane.js';

describe('PaneWriters.type', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    { name: 'one line, submitted', text: 'hello', paste: false, submit: true, writes: ['hello', '\r'] },
    { name: 'one line, not submitted', text: 'hello', paste: false, submit: false, writes: ['hello'] },
    { name: 'several lines without bracketed paste are typed line by line', text: 'a\nb', paste: false, submit: true, writes: ['a\rb', '\r'] },
    { name: 'several lines with bracketed paste are one paste', text: 'a\nb', paste: true, submit: true, writes: ['\x1b[200~a\nb\x1b[201~', '\r'] },
    { name: 'one line never uses paste markers', text: 'solo', paste: true, submit: false, writes: ['solo'] },
    { name: 'empty text with submit is a lone Enter', text: '', paste: false, submit: true, writes: ['\r'] },
  ])('$name', async ({ text, paste, submit, writes }) => {
    const pane = new FakePane('p1');
    pane.modes.bracketedPaste = paste;
    await new PaneWriters().type(pane, text, { submit, pauseMs: 1 });
    expect(pane.writes.map((write) => write.data)).toEqual(writes);
  });

  it('sends Enter apart from the text, only after the pause', async () => {
    vi.useFakeTimers();
    const pane = new FakePane('p1');
    const typing = new PaneWriters().type(pane, 'go', { submit: true, pauseMs: 150 });
    await vi.advanceTimersByTimeAsync(149);
    expect(pane.writes.map((write) => write.data)).toEqual(['go']);
    await vi.advanceTimersByTimeAsync(1);
    await typing;
    expect(pane.writes.map((write) => write.data)).toEqual(['go', '\r']);
  });

  it('never interleaves two injections into one pane', async () => {
    const pane = new FakePane('p1');
    const writers = new PaneWriters();
    await Promise.all([writers.type(pane, 'first', { submit: true, pauseMs: 20 }), writers.type(pane, 'second', { submit: true, pauseMs: 1 })]);
    expect(pane.writes.map((write) => write.data)).toEqual(['first', '\r', 'second', '\r']);
  });

  it('refuses text that would break out of a bracketed paste, writing nothing', () => {
    const pane = new FakePane('p1');
    expect(() => new PaneWriters().type(pane, 'x\x1b[201~rm -rf ~', { submit: true })).toThrow(/bracketed-paste markers/);
    expect(pane.writes).toEqual([]);
  });

  it('drops the Enter when the pane was respawned during the pause', async () => {
    vi.useFakeTimers();
    const pane = new FakePane('p1', 'a-old');
    const typing = new PaneWriters().type(pane, 'for the old agent', { submit: true, pauseMs: 30 });
    const outcome = expect(typing).rejects.toThrow(/was restarted/);
    await vi.advanceTimersByTimeAsync(0);
    expect(pane.writes.map((write) => write.data)).toEqual(['for the old agent']);
    pane.agentId = 'a-new';
    await vi.advanceTimersByTimeAsync(30);
    await outcome;
    expect(pane.writes.map((write) => write.data)).toEqual(['for the old agent']);
  });
});
