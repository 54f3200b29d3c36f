// The one pipeline every config file goes through: TOML text → parse → zod → extra checks →
// located, sorted issues. Pure (text in, result out) and never throws on bad input.
import type { z } from 'zod';
import { formatPath, sortIssues, type ConfigIssue, type PathIssue } from './config-issue.js';
import { parseToml } from './toml-parse.js';
import { TomlLocations } from './toml-locations.js';
import { zodIssuesToPathIssues } from './zod-issues.js';

export interface ValidationResult<T> {
  /** Present only when there are no errors (warnings allowed). */
  value?: T;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

/**
 * Checks the schema cannot express (they need outside context, or produce warnings). They get
 * the raw parsed TOML, so they can run even when the schema found errors (reading it
 * defensively), and the schema's output when it found none.
 */
export type ExtraCheck<T> = (raw: Record<string, unknown>, parsed: T | undefined) => PathIssue[];

export function validateTomlText<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  extraCheck?: ExtraCheck<z.output<S>>,
): ValidationResult<z.output<S>> {
  const parsed = parseToml(text, file);
  if (!parsed.ok) return { errors: [parsed.issue], warnings: [] };

  let scanned: TomlLocations | undefined;
  const locations = () => (scanned ??= TomlLocations.scan(text));
  const result = schema.safeParse(parsed.value);
  const pathIssues = result.success ? [] : zodIssuesToPathIssues(result.error.issues, { input: parsed.value, schema, locations });
  if (extraCheck) pathIssues.push(...extraCheck(parsed.value, result.success ? result.data : undefined));

  const located = pathIssues.map((issue): ConfigIssue => {
    const { line, column } = locations().locate(issue.path);
    return { file, line, column, path: formatPath(issue.path), message: issue.message, severity: issue.severity };
  });
  const errors = sortIssues(located.filter((issue) => issue.severity === 'error'));
  const warnings = sortIssues(located.filter((issue) => issue.severity === 'warning'));
  return result.success && errors.length === 0 ? { value: result.data, errors, warnings } : { errors, warnings };
}
