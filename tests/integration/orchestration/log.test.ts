// `dot-agent-deck log`: JSON lines, and --follow printing entries as they are appended. It reads
// the project's journal directly: no daemon is involved.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendJournal } from '../../../src/orchestration/journal.js';
import { BIN, runCli } from '../../helpers/cli.js';
import { createDeckEnv, type DeckEnv } from '../../helpers/deck-env.js';
import { waitFor } from '../../helpers/wait.js';

describe('dot-agent-deck log', () => {
  let deck: DeckEnv;
  let project: string;
  beforeEach(() => {
    deck = createDeckEnv();
    project = join(deck.root, 'project');
    mkdirSync(project);
    appendJournal(project, {
      at: new Date().toISOString(),
      group: 'dev',
      event: 'open',
      orchestration: 'dev',
      from: 'orchestrator',
      roles: { orchestrator: 'p1', coder: 'p2' },
    });
  });
  afterEach(() => deck.cleanup());

  it('prints the entries as JSON lines with --json', async () => {
    const result = await runCli(['log', '-p', project, '--json'], { env: deck.env });
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { event: string }),
    ).toEqual([expect.objectContaining({ event: 'open', group: 'dev' })]);
  });

  it('says so when no orchestration ran in the directory', async () => {
    const result = await runCli(['log', '-p', deck.home], { env: deck.env });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(/^No orchestration has run in .* yet\.\n$/);
  });

  it('keeps printing new steps with --follow', async () => {
    const child = spawn(process.execPath, [BIN, 'log', '-p', project, '--follow'], { env: deck.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    try {
      await waitFor('the existing step is printed', () => out.includes('opened dev with orchestrator, coder'), { describe: () => out });
      appendJournal(project, {
        at: new Date().toISOString(),
        group: 'dev',
        event: 'delegate',
        from: 'orchestrator',
        role: 'coder',
        file: '.dot-agent-deck/worker-task-coder.md',
      });
      await waitFor('the appended step is printed', () => out.includes('orchestrator → coder  delegated'), { describe: () => out });
      expect(out.match(/opened dev/g)).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
