// The "What the scan found" section of the config-generation prompt. Pure. Anything that came
// from the project (names, paths, script bodies) goes inside fenced blocks, so it stays data;
// only our own words (section titles, language names, CLI names) are plain Markdown.
import { AGENT_CLIS } from './agent-clis.js';
import { fenced } from './markdown-fence.js';
import { PROJECT_FILE } from '../config/paths.js';
import type { ProjectFacts } from './project-facts.js';
import { printable, type CommandPurpose, type ProjectCommand } from './project-scripts.js';

/** Lines per block: enough for any hand-written project, short enough to keep the prompt readable. */
export const MAX_LINES_PER_BLOCK = 40;

const MAX_LINE_CHARS = 300;

const CHECKS: readonly CommandPurpose[] = ['test', 'build', 'lint', 'format', 'typecheck'];

function commandLine(command: ProjectCommand): string {
  const agents = command.agents.length > 0 ? ` [starts ${command.agents.join(', ')}]` : '';
  return `${command.run}    # ${command.source}${command.body === '' ? '' : `: ${command.body}`}${agents}`;
}

function block(lines: readonly string[]): string {
  // A file name may hold a newline or an escape sequence; each entry stays one line.
  const shown = lines.slice(0, MAX_LINES_PER_BLOCK).map((line) => printable(line, MAX_LINE_CHARS));
  const more = lines.length - shown.length;
  const body = fenced(shown.join('\n'));
  return more > 0 ? `${body}\n\n(${more} more not listed.)` : body;
}

function section(title: string, lines: readonly string[], none: string): string {
  return `### ${title}\n\n${lines.length > 0 ? block(lines) : none}`;
}

export function projectFactsMarkdown(facts: ProjectFacts): string {
  const launchers = facts.commands.filter((command) => command.agents.length > 0);
  const checks = facts.commands.filter((command) => command.agents.length === 0 && command.purposes.some((purpose) => CHECKS.includes(purpose)));
  const releases = facts.commands.filter((command) => command.agents.length === 0 && command.purposes.includes('release') && !checks.includes(command));
  const others = facts.commands.filter((command) => !launchers.includes(command) && !checks.includes(command) && !releases.includes(command));
  const onPath =
    facts.agentsOnPath.length > 0
      ? facts.agentsOnPath.map((agent) => `\`${agent}\``).join(', ')
      : `none of ${AGENT_CLIS.map((agent) => `\`${agent}\``).join(', ')}`;
  const parts = [
    `### Languages\n\n${facts.languages.length > 0 ? facts.languages.join(', ') : 'None recognised from marker files; look at the sources.'}`,
    `### Agent CLIs on PATH\n\n${onPath}.`,
    section('Commands and scripts that start an agent', launchers.map(commandLine), 'None found: look for other launchers, or use an agent CLI directly.'),
    section(
      'Test, build, lint and format commands',
      checks.map(commandLine),
      'None found in package.json, Makefile, Taskfile or devbox.json: check the CI files and the README.',
    ),
    section('Release commands', releases.map(commandLine), 'None found.'),
    section('Other commands', others.map(commandLine), 'None.'),
    section('CI files', facts.ci, 'None found.'),
    section('Release files', facts.release, 'None found.'),
    section('Specs, PRDs and docs', facts.docs, 'None found at the top level.'),
    section('Instructions already written for agents', facts.agentFiles, 'None found.'),
  ];
  if (facts.hasProjectFile) parts.push(`### Existing project file\n\n\`${PROJECT_FILE}\` already exists: read it before proposing anything.`);
  if (facts.omitted.length > 0) parts.push(section('Left out by the scan (it reads a bounded amount)', facts.omitted, ''));
  return parts.join('\n\n');
}
