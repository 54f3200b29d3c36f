// Project rules the schema cannot express: orchestration names resolved against the project
// directory, and warnings (which never make a file invalid). They read the raw TOML
// defensively, so they also run when the schema already found errors.
import type { PathIssue, PathSegments } from './config-issue.js';
import { suggest } from '../common/suggest.js';
import { nameProblem, suggestSafeName } from './project-fields.js';

type Loose = Record<string, unknown>;

function tables(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter((item): item is Loose => item !== null && typeof item === 'object' && !Array.isArray(item)) : [];
}

/** An orchestration without `name` is named after the project directory (as in the original),
 *  made a safe name: the name becomes a directory under .dot-agent-deck/ and a tab id. */
export function resolveOrchestrationName(name: string | undefined, projectName: string): string {
  if (name !== undefined && name !== '') return name;
  return nameProblem(projectName) === undefined ? projectName : suggestSafeName(projectName);
}

function duplicateOrchestrations(raw: Loose, projectName: string): PathIssue[] {
  const issues: PathIssue[] = [];
  const seen = new Map<string, number>();
  tables(raw.orchestrations).forEach((orchestration, index) => {
    const explicit = typeof orchestration.name === 'string' ? orchestration.name : undefined;
    if (orchestration.name !== undefined && explicit === undefined) return;
    const name = resolveOrchestrationName(explicit, projectName);
    const earlier = seen.get(name);
    if (earlier === undefined) {
      seen.set(name, index);
      return;
    }
    const path: PathSegments = explicit === undefined || explicit === '' ? ['orchestrations', index] : ['orchestrations', index, 'name'];
    const why =
      explicit === undefined || explicit === ''
        ? `has no name, so it is named after the project directory (${JSON.stringify(name)}), which`
        : `${JSON.stringify(name)}`;
    issues.push({
      path,
      message: `${why} is already used by orchestrations[${earlier}]: give each orchestration a unique name`,
      severity: 'error',
    });
  });
  return issues;
}

function duplicateModes(raw: Loose): PathIssue[] {
  const seen = new Map<string, number>();
  return tables(raw.modes).flatMap((mode, index): PathIssue[] => {
    if (typeof mode.name !== 'string') return [];
    const earlier = seen.get(mode.name);
    if (earlier === undefined) {
      seen.set(mode.name, index);
      return [];
    }
    // A warning, as in the original: both modes still open, they are just hard to tell apart.
    return [{ path: ['modes', index, 'name'], message: `mode name ${JSON.stringify(mode.name)} is also used by modes[${earlier}]`, severity: 'warning' }];
  });
}

function workersWithoutDescription(raw: Loose): PathIssue[] {
  return tables(raw.orchestrations).flatMap((orchestration, o) =>
    tables(orchestration.roles).flatMap((role, r): PathIssue[] => {
      if (role.start === true || role.description !== undefined) return [];
      const name = typeof role.name === 'string' ? `${JSON.stringify(role.name)} ` : '';
      return [
        {
          path: ['orchestrations', o, 'roles', r],
          message: `worker role ${name}has no description, so the orchestrator cannot tell what it is for: add description = "…"`,
          severity: 'warning',
        },
      ];
    }),
  );
}

function lonelyStartRoles(raw: Loose): PathIssue[] {
  return tables(raw.orchestrations).flatMap((orchestration, index): PathIssue[] => {
    const roles = tables(orchestration.roles);
    if (roles.length !== 1 || roles[0]?.start !== true) return [];
    const message = 'has only its start role, so it has nobody to delegate to: add a worker role ([[orchestrations.roles]])';
    return [{ path: ['orchestrations', index], message, severity: 'warning' }];
  });
}

/** Tables the Rust original reads from other files; it ignores them here, and so does this deck, saying so. */
const ORIGINAL_ELSEWHERE: Record<string, string> = {
  scheduled_tasks: 'scheduled tasks live in ~/.config/dot-agent-deck/schedules.toml, not in the project file',
};

function originalTablesElsewhere(raw: Loose): PathIssue[] {
  return Object.keys(raw).flatMap((key): PathIssue[] => {
    const why = ORIGINAL_ELSEWHERE[key];
    return why ? [{ path: [key], message: `\`${key}\` is ignored: ${why}`, severity: 'warning' }] : [];
  });
}

function severalDefaults(raw: Loose): PathIssue[] {
  const defaults = tables(raw.orchestrations).flatMap((orchestration, index) => (orchestration.default === true ? [index] : []));
  return defaults.slice(1).map((index) => ({
    path: ['orchestrations', index, 'default'],
    message: `only one orchestration may have \`default = true\`, and orchestrations[${defaults[0]}] already has it`,
    severity: 'error' as const,
  }));
}

/** `rules_file` must name a file that is there: every agent is told to read it. */
function missingRulesFiles(raw: Loose, isFile: ((relative: string) => boolean) | undefined): PathIssue[] {
  if (!isFile) return [];
  return tables(raw.orchestrations).flatMap((orchestration, index): PathIssue[] => {
    const file = orchestration.rules_file;
    if (typeof file !== 'string' || file === '' || isFile(file)) return [];
    return [
      {
        path: ['orchestrations', index, 'rules_file'],
        message: `names ${JSON.stringify(file)}, which is not a file in the project directory: create it, or fix the path (it is relative to the project directory)`,
        severity: 'error',
      },
    ];
  });
}

/** `host` must name a remote of config.toml, and only a worker may run elsewhere. */
function roleHosts(raw: Loose, remotes: readonly string[] | undefined): PathIssue[] {
  return tables(raw.orchestrations).flatMap((orchestration, o) =>
    tables(orchestration.roles).flatMap((role, r): PathIssue[] => {
      const host = role.host;
      if (typeof host !== 'string') return [];
      const path: PathSegments = ['orchestrations', o, 'roles', r, 'host'];
      if (role.start === true) {
        return [{ path, message: 'the start role (the orchestrator) runs where the deck runs; only a worker role may set host', severity: 'error' }];
      }
      if (remotes === undefined || remotes.includes(host)) return [];
      const close = suggest(host, remotes);
      const known = remotes.length > 0 ? `remotes: ${remotes.join(', ')}` : 'there are none yet';
      return [
        {
          path,
          message: `host ${JSON.stringify(host)} is not a remote of config.toml${close ? `: did you mean ${close}?` : ''} (${known}; add one with \`dot-agent-deck remote add ${host} [user@]host\`)`,
          severity: 'error',
        },
      ];
    }),
  );
}

/** `isFile`: whether a path relative to the project directory is a file (absent: not checked);
 *  `remotes`: the remote names of config.toml that a role's `host` may name (absent: not checked). */
export function projectChecks(raw: Loose, projectName: string, isFile?: (relative: string) => boolean, remotes?: readonly string[]): PathIssue[] {
  return [
    ...missingRulesFiles(raw, isFile),
    ...roleHosts(raw, remotes),
    ...duplicateOrchestrations(raw, projectName),
    ...severalDefaults(raw),
    ...lonelyStartRoles(raw),
    ...originalTablesElsewhere(raw),
    ...duplicateModes(raw),
    ...workersWithoutDescription(raw),
  ];
}
