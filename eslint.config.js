// Lint rules, including the import layering of DESIGN.md §2:
// common ← config ← protocol ← {pty, agents, orchestration} ← daemon; tui sees protocol/config/common;
// config-gen (config generation) sits on config and common and serves only daemon, tui and cli.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (name) => ({ group: [`**/${name}/*`, `**/${name}/**`], message: '' });
const forbid = (names, why) =>
  names.map((name) => ({ ...layer(name), message: `${why} (see DESIGN.md §2 "Imports flow one way").` }));

const layering = [
  {
    files: ['src/common/**'],
    patterns: forbid(['config', 'config-gen', 'protocol', 'pty', 'agents', 'orchestration', 'daemon', 'tui', 'cli'], 'common/ imports nothing from other layers'),
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
      { group: ['node-pty', '@xterm/headless'], message: 'The TUI never owns a PTY or a pane model; the daemon does.' },
    ],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        setImmediate: 'readonly', clearImmediate: 'readonly', URL: 'readonly', TextDecoder: 'readonly',
        TextEncoder: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', queueMicrotask: 'readonly', performance: 'readonly',
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
  ...layering.map(({ files, patterns }) => ({
    files,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  })),
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
