// The shipped role library (templates/roles.toml): ready-made roles whose wording `init`, the
// examples and the config generator share. Validated with the same pipeline as user files.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { packagePath } from '../common/package-root.js';
import { Role } from '../config/project-schema.js';
import { validateTomlText, type ValidationResult } from '../config/validate-toml.js';

/** A role without its command: the agent CLI is chosen when the role is copied into a project. */
export const RoleTemplate = Role.omit({ command: true }).extend({
  description: z.string().min(1).describe('What the role is for; shown to the orchestrator.'),
  prompt_template: z.string().min(1).describe('Standing instructions for the role.'),
});
export type RoleTemplate = z.infer<typeof RoleTemplate>;

export const RoleLibrary = z.strictObject({ roles: z.array(RoleTemplate).min(1) });
export type RoleLibrary = z.infer<typeof RoleLibrary>;

export const ROLE_LIBRARY_FILE = packagePath('templates', 'roles.toml');

export function validateRoleLibraryText(text: string, file: string): ValidationResult<RoleLibrary> {
  return validateTomlText(text, file, RoleLibrary);
}

export async function loadRoleLibrary(file: string = ROLE_LIBRARY_FILE): Promise<ValidationResult<RoleLibrary>> {
  return validateRoleLibraryText(await readFile(file, 'utf8'), file);
}
