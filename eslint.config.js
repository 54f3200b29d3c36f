// Lint rules, including the import layering of docs/ARCHITECTURE.md §2:
// common ← config ← protocol ← {pty, agents, orchestration} ← daemon; tui sees protocol/config/common;
// config-gen (config generation) sits on config and common and serves only daemon, tui and cli.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (name) => ({ group: [`**/${name}/*`, `**/${name}/**`], message: '' });
const forbid = (names, why) => names.map((name) => ({ ...layer(name), message: `${why} (see docs/ARCHITECTURE.md §2, the rooms and who imports whom).` }));

const layering = [
  {
    files: ['src/common/**'],
    patterns: forbid(
      ['config', 'config-gen', 'protocol', 'pty', 'agents', 'orchestration', 'daemon', 'tui', 'cli'],
      'common/ imports nothing from other layers',
    ),
  },
  {
    files: ['src/config/**'],
    patterns: forbid(['config-gen', 'protocol', 'pty', 'agents', 'orchestration', 'daemon', 'tui', 'cli'], 'config/ may only import common/'),
  },
  {
    files: ['src/config-gen/**'],
    patterns: forbid(['protocol', 'pty', 'agents', 'orchestration', 'daemon', 'tui', 'cli'], 'config-gen/ may only import config/ and common/'),
  },
  {
    files: ['src/protocol/**'],
    patterns: [
      ...forbid(['pty', 'agents', 'orchestration', 'daemon', 'tui', 'cli'], 'protocol/ may only import config/ and common/'),
      ...forbid(['config-gen'], 'config generation serves only daemon/, tui/ and cli/'),
    ],
  },
  {
    files: ['src/pty/**', 'src/agents/**', 'src/orchestration/**'],
    patterns: [
      ...forbid(['daemon', 'tui', 'cli'], 'pty/, agents/ and orchestration/ must not reach up into daemon/, tui/ or cli/'),
      ...forbid(['config-gen'], 'config generation serves only daemon/, tui/ and cli/'),
    ],
  },
  {
    files: ['src/daemon/**'],
    patterns: forbid(['tui', 'cli'], 'the daemon must not depend on the TUI or the CLI'),
  },
  {
    files: ['src/tui/**'],
    patterns: [
      ...forbid(['pty', 'agents', 'orchestration', 'daemon', 'cli'], 'the TUI is a thin client: talk to the daemon through protocol/'),
      { group: ['node-pty', '@lydell/node-pty', '@xterm/headless'], message: 'The TUI never owns a PTY or a pane model; the daemon does.' },
    ],
  },
];

// The pure cores take values and return values (ARCHITECTURE.md §2): no I/O, no terminal, no
// PTY. node:path stays allowed: string functions only. Types from @xterm are only types.
const PURE_CORES = [
  'src/orchestration/broker*.ts',
  'src/orchestration/stages.ts',
  'src/orchestration/task-status.ts',
  'src/orchestration/prompt-lines.ts',
  'src/orchestration/journal-replay.ts',
  'src/orchestration/timeline.ts',
  'src/orchestration/morning-report.ts',
  'src/orchestration/morning-report-text.ts',
  'src/agents/status-engine.ts',
  'src/agents/readiness.ts',
  'src/agents/screen-rules.ts',
  'src/agents/input-region.ts',
  'src/agents/hook-rules.ts',
  'src/agents/reset-time.ts',
  'src/protocol/framing.ts',
  'src/pty/render-row.ts',
  'src/pty/frame-diff.ts',
  'src/daemon/schedule-due.ts',
  'src/tui/state/**',
  'src/tui/input/**',
  'src/tui/layout/**',
];
const pure = [
  {
    group: ['node:*', '!node:path'],
    message: 'A pure core does no I/O: take the value as an argument, and let the shell around it read or write (ARCHITECTURE.md §2).',
  },
  {
    group: ['ink', 'react', 'node-pty', '@lydell/node-pty'],
    message: 'A pure core knows no terminal, React or PTY: return values and let the shell render or write them (ARCHITECTURE.md §2).',
  },
  { group: ['@xterm/*'], allowTypeImports: true, message: 'A pure core may use xterm.js types, not the emulator (ARCHITECTURE.md §2).' },
];
const layerOf = (file) => layering.find(({ files }) => files.some((glob) => file.startsWith(glob.replace('/**', '/'))));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        clearImmediate: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        queueMicrotask: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    // Type-aware, for src only (~8 s): an un-awaited promise once let the session file's last
    // write be cut off when the daemon exited.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      // Closed unions: a new effect, message or event that a switch does not name fails here
      // instead of being dropped at run time (the switches end in assertNever).
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    // Issue 11: the pid file was written through a symlink planted at its name. Writes that open
    // a name go through the helpers that never follow one.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ImportDeclaration[source.value=/^node:fs(\\/promises)?$/] > ImportSpecifier[imported.name=/^(writeFileSync|appendFileSync|createWriteStream|writeFile|appendFile)$/]',
          message:
            'Write files with writeFileAtomic/writeFileAtomicSync (src/common/fs-atomic.ts) or appendFileNoFollowSync (src/common/fs-no-follow.ts): they never write through a symlink at the name.',
        },
      ],
    },
  },
  ...layering.map(({ files, patterns }) => ({
    files,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  })),
  // After the layering, so a pure core keeps its layer's rules and adds its own.
  ...PURE_CORES.map((file) => ({
    files: [file],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...(layerOf(file)?.patterns ?? []), ...pure] }] },
  })),
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
