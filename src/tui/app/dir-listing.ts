// What the new-pane flow needs to know about directories on this machine: the subdirectories
// of one directory, and what the project file of a chosen directory says. The deck runs here,
// so it reads these itself rather than asking the daemon.
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errorMessage } from '../../common/errors.js';
import { formatIssue } from '../../config/config-issue.js';
import { loadProjectConfig } from '../../config/load-project.js';
import { resolveOrchestrationName } from '../../config/project-checks.js';
import type { PaneInfo } from '../../protocol/messages.js';

/** A directory with thousands of children is listed in part rather than freezing the picker. */
const MAX_ENTRIES = 2000;

export async function listSubdirectories(dir: string): Promise<{ entries: string[]; error: string | null }> {
  try {
    const dirents = await readdir(dir, { withFileTypes: true });
    const entries: string[] = [];
    for (const dirent of dirents.slice(0, MAX_ENTRIES)) {
      if (dirent.isDirectory()) entries.push(dirent.name);
      else if (dirent.isSymbolicLink()) {
        const target = await stat(join(dir, dirent.name)).catch(() => null);
        if (target?.isDirectory()) entries.push(dirent.name);
      }
    }
    return { entries, error: null };
  } catch (error) {
    return { entries: [], error: `Cannot read ${dir}: ${errorMessage(error)}` };
  }
}

/** The orchestrations the directory's project file defines (none when it is invalid), and the one marked `default = true`. */
export async function projectOrchestrations(dir: string): Promise<{ names: string[]; preselect: string | null }> {
  try {
    const project = await loadProjectConfig(dir, { cwd: dir });
    const named = (project.config?.orchestrations ?? []).map((o) => ({ name: resolveOrchestrationName(o.name, basename(dir)), isDefault: o.default }));
    return { names: named.map((o) => o.name), preselect: named.find((o) => o.isDefault)?.name ?? null };
  } catch {
    return { names: [], preselect: null };
  }
}

/** The workspace modes (`[[modes]]`) of the directory's project file; none when it is invalid. */
export async function projectModes(dir: string): Promise<string[]> {
  try {
    const project = await loadProjectConfig(dir, { cwd: dir });
    return (project.config?.modes ?? []).map((mode) => mode.name);
  } catch {
    return [];
  }
}

/**
 * Warnings for the new-pane form: an invalid project file (its first error), or an
 * orchestration of this directory that already has panes open.
 */
export async function inspectProject(dir: string, panes: readonly PaneInfo[]): Promise<string[]> {
  try {
    const project = await loadProjectConfig(dir, { cwd: dir });
    if (!project.exists) return [];
    const first = project.errors[0];
    if (first) {
      const more = project.errors.length > 1 ? ` (and ${project.errors.length - 1} more; run \`dot-agent-deck validate\`)` : '';
      return [`${formatIssue({ ...first, snippet: undefined })}${more}`];
    }
    const names = (project.config?.orchestrations ?? []).map((o) => resolveOrchestrationName(o.name, basename(dir)));
    const running = names.filter((name) => panes.some((pane) => pane.tab === name && pane.cwd === dir));
    return running.map((name) => `orchestration "${name}" already runs from this directory (see its tab)`);
  } catch (error) {
    return [errorMessage(error)];
  }
}
