// Reads an orchestration from the project file, fresh every time (edits apply at the next
// delegation), and resolves `--to` names with errors that list what would have worked.
import { UserError } from '../common/errors.js';
import { loadProjectConfig } from '../config/load-project.js';
import { resolveOrchestrationName } from '../config/project-checks.js';
import { nameProblem } from '../config/project-fields.js';
import type { Orchestration, ProjectConfig, Role } from '../config/project-schema.js';
import type { SharedRules } from '../orchestration/coordination-files.js';
import { basename } from 'node:path';

export interface LoadedOrchestration {
  name: string;
  config: ProjectConfig;
  roles: Role[];
  orchestrator: Role;
  workers: Role[];
  /** The team's rules file and inline rules, as the project file says. */
  shared: SharedRules;
  /** Refuse a delegation to a later stage while an earlier one has open work. */
  enforceStages: boolean;
}

/** The project file of `projectDir`, valid, or an error that says what to do. */
export async function loadValidProject(projectDir: string): Promise<{ file: string; config: ProjectConfig }> {
  const loaded = await loadProjectConfig(projectDir, { cwd: projectDir });
  if (!loaded.exists) {
    throw new UserError(`${loaded.file} does not exist.`, { hint: 'create one with `dot-agent-deck init`' });
  }
  if (!loaded.config) {
    const first = loaded.errors[0];
    throw new UserError(
      `${loaded.file} has ${loaded.errors.length} error(s)${first ? `; the first: ${first.file}:${first.line}:${first.column} ${first.message}` : ''}.`,
      {
        hint: 'run `dot-agent-deck validate` to see them all',
      },
    );
  }
  return { file: loaded.file, config: loaded.config };
}

export async function loadOrchestration(projectDir: string, wanted: string | undefined): Promise<LoadedOrchestration> {
  const loaded = await loadValidProject(projectDir);
  const config = loaded.config;
  const projectName = basename(projectDir);
  const named = config.orchestrations.map((o) => ({ name: resolveOrchestrationName(o.name, projectName), orchestration: o }));
  if (named.length === 0) {
    throw new UserError(`${loaded.file} defines no [[orchestrations]].`, { hint: 'add one (see `dot-agent-deck init`)' });
  }
  let chosen: { name: string; orchestration: Orchestration } | undefined;
  if (wanted === undefined) {
    chosen = named.length === 1 ? named[0] : named.find((n) => n.orchestration.default);
    if (!chosen) {
      throw new UserError(`${loaded.file} defines ${named.length} orchestrations and none has \`default = true\`; say which one.`, {
        hint: `--orchestration ${named.map((n) => n.name).join(' | ')}, or mark one with default = true`,
      });
    }
  } else {
    chosen = named.find((n) => n.name === wanted);
    if (!chosen) {
      throw new UserError(`No orchestration ${JSON.stringify(wanted)} in ${loaded.file}.`, { hint: `orchestrations: ${named.map((n) => n.name).join(', ')}` });
    }
  }
  const roles = chosen!.orchestration.roles;
  const orchestrator = roles.find((role) => role.start)!;
  const { rules_file, shared_prompt } = chosen!.orchestration;
  return {
    name: chosen!.name,
    config,
    roles,
    orchestrator,
    workers: roles.filter((role) => role !== orchestrator),
    shared: { ...(rules_file !== undefined ? { rulesFile: rules_file } : {}), ...(shared_prompt !== undefined ? { prompt: shared_prompt } : {}) },
    enforceStages: chosen!.orchestration.enforce_stages,
  };
}

/** The worker role `name` names, or an error that says why not and lists the valid ones. */
export function resolveWorker(loaded: LoadedOrchestration, name: string): Role {
  const valid = loaded.workers.map((role) => role.name).join(', ');
  const problem = nameProblem(name);
  if (problem) throw new UserError(`--to ${JSON.stringify(name)} is not a role name: ${problem}.`, { hint: `roles you can delegate to: ${valid}` });
  if (name === loaded.orchestrator.name) {
    throw new UserError(`${JSON.stringify(name)} is the orchestrator itself; delegate to a worker.`, { hint: `roles you can delegate to: ${valid}` });
  }
  const role = loaded.workers.find((worker) => worker.name === name);
  if (!role)
    throw new UserError(`No role ${JSON.stringify(name)} in orchestration ${JSON.stringify(loaded.name)}.`, { hint: `roles you can delegate to: ${valid}` });
  return role;
}
