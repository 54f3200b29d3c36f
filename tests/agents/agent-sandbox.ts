// Runs a real agent CLI offline: installs it once into a cache dir (never into the repo), starts
// the scripted mock model from ../shared/tools/mock-llm, and seeds a scratch HOME so the agent
// skips onboarding and talks to the mock. Used by the real-agent tests and the fixture recorder.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '../helpers/wait.js';

const run = promisify(execFile);

export type RealAgent = 'claude-code' | 'codex' | 'gemini' | 'opencode' | 'pi';

export const REAL_AGENTS: readonly RealAgent[] = ['claude-code', 'codex', 'gemini', 'opencode', 'pi'];

const PACKAGES: Record<RealAgent, { pkg: string; bin: string }> = {
  'claude-code': { pkg: '@anthropic-ai/claude-code', bin: 'claude' },
  codex: { pkg: '@openai/codex', bin: 'codex' },
  gemini: { pkg: '@google/gemini-cli', bin: 'gemini' },
  opencode: { pkg: 'opencode-ai', bin: 'opencode' },
  pi: { pkg: '@mariozechner/pi-coding-agent', bin: 'pi' },
};

export const MOCK_DIR = resolve(process.env.DECK_MOCK_LLM_DIR ?? join(import.meta.dirname, '../../../shared/tools/mock-llm'));

function cacheDir(agent: RealAgent): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'dot-agent-deck-agents', agent);
}

const installs = new Map<RealAgent, Promise<{ bin: string } | { skip: string }>>();

/** The agent's executable, installed on first use (once per test file); `skip` says why it cannot run here. */
export function ensureAgent(agent: RealAgent): Promise<{ bin: string } | { skip: string }> {
  let install = installs.get(agent);
  if (install === undefined) {
    install = installAgent(agent);
    installs.set(agent, install);
  }
  return install;
}

async function installAgent(agent: RealAgent): Promise<{ bin: string } | { skip: string }> {
  const dir = cacheDir(agent);
  const { pkg, bin } = PACKAGES[agent];
  const path = join(dir, 'node_modules', '.bin', bin);
  if (existsSync(path)) return { bin: path };
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  try {
    // Few retries: an unreachable registry should end in a skip within a minute, not ten.
    await run('npm', ['install', '--no-audit', '--no-fund', '--fetch-retries=1', '--fetch-retry-maxtimeout=10000', pkg], { cwd: dir, timeout: 300_000 });
  } catch (error) {
    const text = String((error as { stderr?: string }).stderr ?? error);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|network/i.test(text)) {
      return { skip: `the npm registry is unreachable, so ${pkg} cannot be installed into ${dir}` };
    }
    throw new Error(`npm install ${pkg} into ${dir} failed:\n${text}`);
  }
  if (!existsSync(path)) throw new Error(`npm installed ${pkg} but ${path} is missing`);
  return { bin: path };
}

export interface Sandbox {
  root: string;
  home: string;
  project: string;
  port: number;
  /** The program and arguments that start the agent against the mock. */
  argv: string[];
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export interface SandboxOptions {
  /** Seed the folder as trusted (default true); false shows the trust dialog. */
  trusted?: boolean;
  /** Claude: always ask before tools (default true). */
  askPermissions?: boolean;
  /** A mock rules file (`--script`): `[{"match", "shell", "then"}]`, tried before the keywords. */
  mockScript?: string;
  /** Seed this agent into another sandbox's HOME and project, against its mock (a team of
   *  different CLIs in one orchestration); disposing the returned sandbox leaves that one alone. */
  shareWith?: Sandbox;
}

async function startMock(root: string, mockScript?: string): Promise<{ child: ChildProcess; port: number }> {
  const portFile = join(root, 'mock.port');
  const script = join(MOCK_DIR, 'mock-llm.mjs');
  if (!existsSync(script)) {
    throw new Error(
      `The mock model is not at ${script}: put the team's shared/ folder beside the repository, or set DECK_MOCK_LLM_DIR to its tools/mock-llm directory.`,
    );
  }
  const args = [script, '--port', '0', '--port-file', portFile, '--log', join(root, 'mock.jsonl'), ...(mockScript ? ['--script', mockScript] : [])];
  const child = spawn(process.execPath, args, {
    stdio: 'ignore',
  });
  await waitFor('the mock model writes its port file', () => existsSync(portFile) && readFileSync(portFile, 'utf8').trim() !== '');
  return { child, port: Number(readFileSync(portFile, 'utf8').trim()) };
}

export async function createSandbox(agent: RealAgent, bin: string, options: SandboxOptions = {}): Promise<Sandbox> {
  const shared = options.shareWith;
  const root = shared?.root ?? mkdtempSync(join(tmpdir(), `deck-${agent}-`));
  const home = join(root, 'home');
  const project = join(root, 'proj');
  for (const dir of [home, project, join(root, 'tmp')]) mkdirSync(dir, { recursive: true });
  const mock = shared ? null : await startMock(root, options.mockScript);
  const port = shared?.port ?? mock!.port;
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = { HOME: home, TMPDIR: join(root, 'tmp'), TERM: 'xterm-256color', LANG: 'C.UTF-8' };
  let argv: string[];
  if (agent === 'claude-code') {
    const config = join(home, '.claude');
    mkdirSync(config, { recursive: true });
    const trusted = options.trusted ?? true;
    writeFileSync(
      join(config, '.claude.json'),
      JSON.stringify({
        hasCompletedOnboarding: true,
        theme: 'dark',
        autoModeClassifierBillingNoticeAcknowledgedAt: Date.now(),
        projects: trusted ? { [root]: { hasTrustDialogAccepted: true } } : {},
      }),
    );
    Object.assign(env, {
      CLAUDE_CONFIG_DIR: config,
      CLAUDE_CODE_TMPDIR: join(root, 'tmp'),
      ANTHROPIC_BASE_URL: base,
      ANTHROPIC_AUTH_TOKEN: 'mock',
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
    });
    const help = await run(bin, ['--help'], { env: { ...process.env, ...env } }).then(
      (r) => r.stdout,
      () => '',
    );
    argv = (options.askPermissions ?? true) ? [bin, '--permission-mode', help.includes('"manual"') ? 'manual' : 'default'] : [bin];
  } else if (agent === 'gemini') {
    mkdirSync(join(home, '.gemini'), { recursive: true });
    writeFileSync(
      join(home, '.gemini', 'settings.json'),
      JSON.stringify({
        security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: !(options.trusted ?? true) } },
        general: { disableAutoUpdate: true, disableUpdateNag: true },
        privacy: { usageStatisticsEnabled: false },
        telemetry: { enabled: false },
        ui: { theme: 'Default' },
      }),
    );
    Object.assign(env, { GEMINI_API_KEY: 'mock', GOOGLE_GEMINI_BASE_URL: base });
    argv = [bin];
  } else if (agent === 'opencode') {
    const xdg = {
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_STATE_HOME: join(home, '.local/state'),
    };
    for (const dir of Object.values(xdg)) mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(project, 'opencode.json'),
      JSON.stringify({
        model: 'mock/mock-model',
        small_model: 'mock/mock-model',
        autoupdate: false,
        share: 'disabled',
        ...((options.askPermissions ?? true) ? { permission: { bash: 'ask' } } : {}),
        provider: {
          mock: {
            npm: '@ai-sdk/openai-compatible',
            name: 'Mock LLM',
            options: { baseURL: `${base}/v1`, apiKey: 'mock' },
            models: { 'mock-model': { name: 'Mock Model', tool_call: true } },
          },
        },
      }),
    );
    // The npm registry at a closed port: opencode must start offline once `hooks install` ran
    // (it would npm-install @opencode-ai/plugin at start, ~70 s of retries; docs/AGENT-NOTES.md).
    Object.assign(env, xdg, {
      OPENCODE_DISABLE_MODELS_FETCH: '1',
      OPENCODE_DISABLE_AUTOUPDATE: '1',
      OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
      npm_config_registry: 'http://127.0.0.1:9/',
    });
    argv = [bin];
  } else if (agent === 'pi') {
    const agentDir = join(home, '.pi', 'agent');
    mkdirSync(agentDir, { recursive: true });
    writeFileSync(
      join(agentDir, 'models.json'),
      JSON.stringify({
        providers: {
          mock: {
            baseUrl: `${base}/v1`,
            api: 'openai-completions',
            apiKey: 'mock',
            compat: { supportsDeveloperRole: false, supportsReasoningEffort: false },
            models: [{ id: 'mock-model', name: 'Mock Model', reasoning: false }],
          },
        },
      }),
    );
    writeFileSync(join(agentDir, 'settings.json'), JSON.stringify({ defaultProvider: 'mock', defaultModel: 'mock-model', enableInstallTelemetry: false }));
    Object.assign(env, { PI_CODING_AGENT_DIR: agentDir, PI_OFFLINE: '1', PI_SKIP_VERSION_CHECK: '1' });
    argv = [bin];
  } else {
    const codexHome = join(home, '.codex');
    mkdirSync(codexHome, { recursive: true });
    const trust = (options.trusted ?? true) ? `\n[projects."${project}"]\ntrust_level = "trusted"\n` : '';
    writeFileSync(
      join(codexHome, 'config.toml'),
      [
        'model = "mock-model"',
        'model_provider = "mock"',
        'check_for_update_on_startup = false',
        '',
        '[model_providers.mock]',
        'name = "Mock"',
        `base_url = "${base}/v1"`,
        'wire_api = "responses"',
        'env_key = "MOCK_API_KEY"',
        trust,
      ].join('\n'),
    );
    await run('git', ['init', '-q', '.'], { cwd: project });
    Object.assign(env, { CODEX_HOME: codexHome, MOCK_API_KEY: 'mock' });
    argv = [bin, '--no-daemon', '--dangerously-bypass-hook-trust'];
  }
  return {
    root,
    home,
    project,
    port,
    argv,
    env,
    async dispose() {
      if (mock === null) return;
      const closed = new Promise((resolve) => (mock.child.exitCode !== null ? resolve(null) : mock.child.once('exit', resolve)));
      mock.child.kill();
      await closed;
      // An agent's helpers may still be writing state while they exit; retry the removal briefly.
      rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
