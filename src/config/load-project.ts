// Finds, reads and validates a project's `.dot-agent-deck.toml`. Bad user input never throws:
// it comes back as located issues. Only a missing or unreadable file is reported separately.
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { PROJECT_FILE } from './paths.js';
import type { ConfigIssue } from './config-issue.js';
import { projectChecks } from './project-checks.js';
import { ProjectConfig } from './project-schema.js';
import { readConfigFile } from './read-config-file.js';
import { validateTomlText, type ValidationResult } from './validate-toml.js';

export { resolveOrchestrationName } from './project-checks.js';

export interface ValidateProjectOptions {
  /** Unnamed orchestrations are named after this (the project directory's name). */
  projectName?: string;
  /** Paths the file names (rules_file) are checked against this directory (absent: not checked). */
  projectDir?: string;
  /** The remotes a role's `host` may name (absent: not checked). */
  remotes?: readonly string[];
}

/** Validates project-file text; `file` is the label used in every issue. */
export function validateProjectText(text: string, file: string, options: ValidateProjectOptions = {}): ValidationResult<ProjectConfig> {
  const projectName = options.projectName ?? 'project';
  const { projectDir } = options;
  const isFile =
    projectDir === undefined ? undefined : (relative: string) => statSync(resolve(projectDir, relative), { throwIfNoEntry: false })?.isFile() === true;
  return validateTomlText(text, file, ProjectConfig, (raw) => projectChecks(raw, projectName, isFile, options.remotes));
}

export interface LoadedProject {
  config?: ProjectConfig;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  /** Absolute path of the project file. */
  file: string;
  /** The same path as shown in messages (relative to `cwd` when inside it). */
  label: string;
  /** False when there is no project file (errors is then empty: the caller decides what that means). */
  exists: boolean;
}

export interface LoadProjectOptions {
  /** Issues name the file relative to this directory (default: process.cwd()). */
  cwd?: string;
  /** The remotes a role's `host` may name (absent: not checked). */
  remotes?: readonly string[];
}

/** `dir` is a project directory, or the project file itself. */
export async function loadProjectConfig(dir: string, options: LoadProjectOptions = {}): Promise<LoadedProject> {
  const cwd = options.cwd ?? process.cwd();
  const target = resolve(cwd, dir);
  const isFile = await stat(target).then(
    (s) => s.isFile(),
    () => false,
  );
  const file = isFile ? target : join(target, PROJECT_FILE);
  const projectDir = isFile ? resolve(target, '..') : target;
  const label = displayPath(file, cwd);
  const text = await readConfigFile(file, label);
  if (text === undefined) return { errors: [], warnings: [], file, label, exists: false };
  const { value, errors, warnings } = validateProjectText(text, label, {
    projectName: basename(projectDir),
    projectDir,
    ...(options.remotes ? { remotes: options.remotes } : {}),
  });
  return { ...(value ? { config: value } : {}), errors, warnings, file, label, exists: true };
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') ? rel : file;
}
