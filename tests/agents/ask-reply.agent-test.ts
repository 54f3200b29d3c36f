// Real Claude Code as a worker that asks the orchestrator a question, gets the reply typed into
// its session and finishes, against the scripted mock model. The orchestrator is the simulated
// agent. The mock's rules make Claude Code run `dot-agent-deck ask` on its task line, and on the
// reply line write its report (quoting the reply file) and run `work-done`.
// Run with `npm run test:agents -- -t ask`; the CLI is installed into ~/.cache/dot-agent-deck-agents.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDaemonHarness, type DaemonHarness } from '../helpers/daemon-harness.js';
import { journal, readProjectFile, SIM_AGENT } from '../helpers/orchestration-project.js';
import { waitFor } from '../helpers/wait.js';
import { createSandbox, ensureAgent, type Sandbox } from './agent-sandbox.js';

const REPORT = '.dot-agent-deck/team/report-worker.md';

describe('real Claude Code asks the orchestrator', () => {
  let h: DaemonHarness | undefined;
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await h?.dispose();
    await sandbox?.dispose();
  });

  it('ask: a worker asks, gets the reply typed into its session, and finishes', async (ctx) => {
    const found = await ensureAgent('claude-code');
    if ('skip' in found) {
      console.warn(`SKIPPED: ${found.skip}`);
      ctx.skip(found.skip);
      return;
    }
    const rules = join(process.env.TMPDIR ?? '/tmp', `ask-reply-rules-${process.pid}.json`);
    writeFileSync(
      rules,
      JSON.stringify([
        // The reply line first: the conversation's text holds the task line too.
        {
          match: 'The orchestrator answered your question: read (\\S+reply-1\\.md)',
          shell: `grep -v '^#' $1 | grep . | head -1 > ${REPORT} && dot-agent-deck work-done --task-file ${REPORT}`,
          then: 'MOCK-DONE: reported.',
        },
        {
          match: 'Read \\S+task-worker\\.md for your task\\.',
          shell: 'dot-agent-deck ask --text "Which hash should I use?"',
          then: 'MOCK-ASKED: waiting for the reply.',
        },
      ]),
    );
    sandbox = await createSandbox('claude-code', found.bin, { askPermissions: false, mockScript: rules });
    // The deck never answers a permission dialog: the user's settings allow the shell tool up
    // front (written before the deck's hooks are merged into the same file).
    const config = sandbox.env.CLAUDE_CONFIG_DIR!;
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'settings.json'), `${JSON.stringify({ permissions: { allow: ['Bash'] } }, null, 2)}\n`);
    h = createDaemonHarness(sandbox.env);
    expect(await h.ok(['hooks', 'install', '--agent', 'claude-code'])).toContain('installed deck hooks');
    const project = sandbox.project;
    writeFileSync(
      join(project, 'orchestrator.json'),
      JSON.stringify({
        startDelayMs: 100,
        workMs: 10,
        turns: [
          { after: ['^Read \\S+orchestrator-context'], actions: [{ run: ['dot-agent-deck', 'delegate', '--to', 'worker', '--task', 'Store the passwords.'] }] },
          {
            after: ['^Worker worker asks you a question'],
            actions: [{ run: ['dot-agent-deck', 'reply', '--to', 'worker', '--text', 'Use bcrypt with cost 12.'] }],
          },
          { after: ['^Worker worker has completed'], actions: [{ run: ['dot-agent-deck', 'work-done', '--done', '--task', 'Stored.'] }] },
        ],
      }),
    );
    writeFileSync(
      join(project, '.dot-agent-deck.toml'),
      [
        '[[orchestrations]]',
        'name = "team"',
        '[[orchestrations.roles]]',
        'name = "orchestrator"',
        `command = "node ${SIM_AGENT} --role orchestrator --script orchestrator.json"`,
        'start = true',
        '[[orchestrations.roles]]',
        'name = "worker"',
        'description = "writes code"',
        `command = ${JSON.stringify(sandbox.argv.join(' '))}`,
        'clear = false',
        '',
      ].join('\n'),
    );
    await h.ok(['up', '-p', project]);
    const steps = () =>
      journal(project)
        .map((e) => `${e.event} ${e.role ?? ''} ${e.file ?? ''} ${e.detail ?? ''}`)
        .join('\n');
    await waitFor('the run finished', () => journal(project).some((e) => e.event === 'done'), { timeoutMs: 240_000, intervalMs: 200, describe: steps });
    const worker = journal(project).filter((e) => e.role === 'worker');
    const order = worker.map((e) => e.event);
    expect(order.indexOf('question')).toBeGreaterThan(order.indexOf('delivered'));
    expect(order.indexOf('reply')).toBeGreaterThan(order.indexOf('question'));
    expect(order.indexOf('completed')).toBeGreaterThan(order.indexOf('reply'));
    expect(new Set(worker.filter((e) => e.commission).map((e) => e.commission)).size).toBe(1);
    const question = worker.find((e) => e.event === 'question')!;
    expect(readProjectFile(project, question.file!)).toContain('~~~text\nWhich hash should I use?\n~~~');
    expect(readProjectFile(project, '.dot-agent-deck/team/work-done-worker.md')).toContain('Use bcrypt with cost 12.');
  }, 300_000);
});
