// The prompt that asks an agent to write a project's `.dot-agent-deck.toml`: the template
// (templates/config-gen.md) filled with the role library and what discovery found. Rendering
// is pure; `buildConfigGenPrompt` only reads the shipped files and scans the project. Writing
// the prompt into the project and typing the pointer line into the agent belong to the caller.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packagePath } from '../common/package-root.js';
import { PROJECT_SCHEMA_URL } from '../config/json-schema.js';
import { fenced } from './markdown-fence.js';
import { PROJECT_FILE, PROJECT_STATE_DIR } from '../config/paths.js';
import { discoverProject, type DiscoveryOptions } from './project-discovery.js';
import type { ProjectFacts } from './project-facts.js';
import { projectFactsMarkdown } from './project-facts-markdown.js';
import { ROLE_LIBRARY_FILE, validateRoleLibraryText, type RoleLibrary } from './role-library.js';

export const CONFIG_GEN_TEMPLATE_FILE = packagePath('templates', 'config-gen.md');

/** Where the prompt is written in the project, relative to the project directory. */
export const CONFIG_GEN_PROMPT_PATH = join(PROJECT_STATE_DIR, 'config-gen-prompt.md');

/** The one line typed into the agent: short, so it survives any agent's input box. */
export const CONFIG_GEN_POINTER_LINE = `Read ${CONFIG_GEN_PROMPT_PATH} and follow its steps to write ${PROJECT_FILE} for this project.`;

export interface ConfigGenPromptInput {
  template: string;
  projectDir: string;
  facts: ProjectFacts;
  library: RoleLibrary;
  /** The library file's text, embedded so the agent copies the exact wording. */
  libraryText: string;
  libraryFile: string;
}

function roleSummary(library: RoleLibrary): string {
  return library.roles.map((role) => `- **${role.name}**${role.start ? ' (start role)' : ` (clear = ${role.clear})`}: ${role.description}`).join('\n');
}

/**
 * Fills `{{name}}` placeholders in one pass, so a value (project text) that contains `{{…}}`
 * is never expanded. An unknown placeholder is a bug in the template and throws.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`config-gen template: unknown placeholder {{${key}}}`);
    return value;
  });
}

export function renderConfigGenPrompt(input: ConfigGenPromptInput): string {
  return fillTemplate(input.template, {
    project_file: PROJECT_FILE,
    project_dir: fenced(input.projectDir),
    schema_url: PROJECT_SCHEMA_URL,
    role_library_file: fenced(input.libraryFile),
    role_summary: roleSummary(input.library),
    role_library: fenced(input.libraryText, 'toml'),
    project_facts: projectFactsMarkdown(input.facts),
  });
}

export interface BuildConfigGenPromptOptions extends DiscoveryOptions {
  templateFile?: string;
  libraryFile?: string;
}

/** Scans `projectDir` and renders the prompt for it. */
export async function buildConfigGenPrompt(projectDir: string, options: BuildConfigGenPromptOptions = {}): Promise<string> {
  const libraryFile = options.libraryFile ?? ROLE_LIBRARY_FILE;
  const [template, libraryText, facts] = await Promise.all([
    readFile(options.templateFile ?? CONFIG_GEN_TEMPLATE_FILE, 'utf8'),
    readFile(libraryFile, 'utf8'),
    discoverProject(projectDir, options),
  ]);
  const loaded = validateRoleLibraryText(libraryText, libraryFile);
  // The library ships with the package and a test validates it; failing here means a broken install.
  if (!loaded.value) {
    const first = loaded.errors[0];
    throw new Error(`The role library ${libraryFile} is invalid${first ? ` (${first.line}: ${first.path} ${first.message})` : ''}`);
  }
  return renderConfigGenPrompt({ template, projectDir, facts, library: loaded.value, libraryText, libraryFile });
}
