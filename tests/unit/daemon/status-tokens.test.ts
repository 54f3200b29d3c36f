import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranscriptTokens } from '../../../src/daemon/status-tokens.js';

const line = (id: string, input: number, output: number) =>
  `${JSON.stringify({ type: 'assistant', message: { id, usage: { input_tokens: input, output_tokens: output, cache_read_input_tokens: 5 } } })}\n`;

describe('TranscriptTokens', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deck-tokens-'));
    path = join(dir, 't.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sums usage once per message id and reads only what was appended', async () => {
    writeFileSync(path, `{"type":"user"}\n${line('m1', 10, 2)}${line('m1', 10, 2)}`);
    const tokens = new TranscriptTokens(path);
    await tokens.refresh();
    expect(tokens.usage).toEqual({ input: 10, output: 2, cacheRead: 5, cacheCreation: 0 });
    appendFileSync(path, line('m2', 1, 1).slice(0, 20));
    await tokens.refresh();
    expect(tokens.usage.input).toBe(10);
    appendFileSync(path, line('m2', 1, 1).slice(20));
    await tokens.refresh();
    expect(tokens.usage).toEqual({ input: 11, output: 3, cacheRead: 10, cacheCreation: 0 });
  });

  it('reads at most the tail of a huge transcript', async () => {
    const filler = `${JSON.stringify({ type: 'user', text: 'x'.repeat(1000) })}\n`.repeat(600);
    writeFileSync(path, line('old', 1000, 1000) + filler + line('new', 7, 3));
    const tokens = new TranscriptTokens(path);
    await tokens.refresh();
    expect(tokens.usage).toMatchObject({ input: 7, output: 3 });
  });

  it('ignores garbage and a missing file', async () => {
    const missing = new TranscriptTokens(join(dir, 'nope.jsonl'));
    await missing.refresh();
    expect(missing.usage.input).toBe(0);
    writeFileSync(path, `not json "usage"\n{"message":{"usage":{"input_tokens":-4,"output_tokens":"9"}}}\n`);
    const tokens = new TranscriptTokens(path);
    await tokens.refresh();
    expect(tokens.usage).toEqual({ input: 0, output: 0, cacheRead: 0, cacheCreation: 0 });
  });
});
