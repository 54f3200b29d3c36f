// Ctrl+d g as a person uses it: on a pane running an agent (the simulated one, scripted to write
// a project file when asked), Yes writes the prompt and delivers the pointer line, the agent
// writes the file and `validate` passes; Never silences the hint for that directory for good.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_GEN_POINTER_LINE } from '../../src/config-gen/config-gen-prompt.js';
import { openDeckSession, PLAIN_BASH, type DeckSession } from '../helpers/deck-session.js';
import { SIM_AGENT } from '../helpers/orchestration-project.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const GENERATED = [
  '[[orchestrations]]',
  'name = "app-flow"',
  '',
  '[[orchestrations.roles]]',
  'name = "orchestrator"',
  'command = "claude"',
  'start = true',
  'description = "Plans the work and delegates it."',
  '',
  '[[orchestrations.roles]]',
  'name = "coder"',
  'command = "codex"',
  'description = "Implements the change."',
  '',
].join('\n');

const HINT = /No \.dot-agent-deck\.toml here: ctrl\+d g asks your agent to write one\./;

describe('ctrl+d g: config generation', () => {
  it('Yes asks the agent, which writes a project file that validates', async () => {
    session = await openDeckSession();
    const { deck, harness } = session;
    const dir = session.dir('app');
    writeFileSync(
      join(dir, 'agent.json'),
      JSON.stringify({
        startDelayMs: 200,
        workMs: 300,
        turns: [{ after: ['config-gen-prompt\\.md'], actions: [{ write: '.dot-agent-deck.toml', text: GENERATED }, { run: ['dot-agent-deck', 'validate'] }] }],
      }),
    );
    const paneId = await session.newPane('app', ['node', SIM_AGENT, '--role', 'agent', '--script', 'agent.json']);
    await harness.waitForScreen(paneId, 'the agent shows its prompt', /sim-agent agent ready\n❯/);

    deck.type('g');
    await deck.waitForScreen(
      'the question',
      /Ask this agent to analyse the project and write \.dot-agent-deck\.toml\?[\s\S]*\[ Yes \][\s\S]*\[ No \][\s\S]*\[ Never \]/,
    );
    deck.type('\r');
    const screen = await harness.waitForScreen(
      paneId,
      'the pointer line is delivered and submitted',
      /» Read \.dot-agent-deck\/config-gen-prompt\.md /,
      20_000,
    );
    expect(screen.replace(/\n/g, ''), 'one line, submitted once').toContain(`» ${CONFIG_GEN_POINTER_LINE}`);
    expect(screen.match(/^» /gm)).toHaveLength(1);
    await deck.waitForScreen('the deck says the request arrived', /app got the request/);
    const prompt = readFileSync(join(dir, '.dot-agent-deck', 'config-gen-prompt.md'), 'utf8');
    expect(prompt).toContain('dot-agent-deck validate');
    await waitFor('the agent writes the project file', () => existsSync(join(dir, '.dot-agent-deck.toml')));
    await harness.waitForScreen(paneId, 'the agent ran validate', /\$ dot-agent-deck validate → exit 0/);
    const validate = await harness.cli(['validate', '-p', dir]);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  }, 60_000);

  it("takes the Rust original's config.toml and keybindings.toml as they are: no offer, F1 for help", async () => {
    session = await openDeckSession({
      before: (deck) => {
        writeFileSync(
          join(deck.configDir, 'config.toml'),
          'default_command = ""\nauto_config_prompt = false\n\n[bell]\non_waiting_for_input = true\non_idle = false\n',
        );
        writeFileSync(join(deck.configDir, 'keybindings.toml'), '[dashboard]\nhelp = "F1"\n');
      },
    });
    const deck = session.deck;
    await deck.waitForScreen('the empty dashboard', /No panes yet\./);
    deck.type('\x04'); // ctrl+d: command mode
    deck.type('\x1bOP'); // F1
    await deck.waitForScreen('the help overlay, opened by F1', /Anywhere, even while typing/);
    deck.type('q');
    await deck.waitForScreen('help closed', (s) => /No panes yet\./.test(s) && !/Anywhere, even while typing/.test(s));
    // No warning about either file, and auto_config_prompt = false: no ctrl+d g offer.
    expect(deck.screen()).not.toMatch(HINT);
    expect(deck.screen()).not.toMatch(/keybindings\.toml|config\.toml/);
  }, 60_000);

  it('Never stops the hint for that directory, also after a restart', async () => {
    session = await openDeckSession();
    const { harness } = session;
    const home = harness.deck.home;
    await session.deck.waitForScreen('the empty dashboard hints at ctrl+d g for the start directory', HINT);

    await harness.ok(['new', '-n', 'shell', '-p', home, '--', ...PLAIN_BASH]);
    await session.deck.waitForScreen('the card of the shell', /1 shell\s+running/);
    session.deck.type('g');
    await session.deck.waitForScreen('the question', /\[ Never \]/);
    session.deck.type('\x1b[C\x1b[C\r'); // right, right: Never; Enter
    await session.deck.waitForScreen(
      'the deck confirms',
      new RegExp(`will not offer to write \\.dot-agent-deck\\.toml in ${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} again`),
    );
    expect(existsSync(join(home, '.dot-agent-deck', 'config-gen-prompt.md'))).toBe(false);

    session.deck.type('\x17y'); // close the shell: the dashboard is empty again
    await session.deck.waitForScreen('the empty dashboard without the hint', (s) => /No panes yet\./.test(s) && !HINT.test(s));

    session.deck.type('\x03');
    await session.deck.waitForScreen('the quit dialog', /Detach/);
    session.deck.type('\r');
    await session.deck.exited;
    const deck = await session.reopen();
    await deck.waitForScreen('the empty dashboard again', /No panes yet\./);
    // A round trip through the help overlay: the start-up check (one file read) has long finished.
    deck.type('?');
    await deck.waitForScreen('the help overlay', /Anywhere, even while typing/);
    deck.type('q');
    await deck.waitForScreen('help closed', (s) => /No panes yet\./.test(s));
    expect(deck.screen()).not.toMatch(HINT);
  }, 60_000);
});
