// How config problems reach a person (one located line each, on stderr) or a program (JSON).
import { formatIssue, summarizeIssues, type ConfigIssue } from '../config/config-issue.js';
import type { CliIO } from './io.js';

export function printIssues(io: CliIO, issues: readonly ConfigIssue[]): void {
  for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`);
}

/** Errors, then warnings, then "2 errors, 1 warning in <file>". */
export function printIssueReport(io: CliIO, file: string, errors: readonly ConfigIssue[], warnings: readonly ConfigIssue[]): void {
  printIssues(io, errors);
  printIssues(io, warnings);
  io.stderr(`${summarizeIssues(errors.length, warnings.length, file)}\n`);
}

export interface IssueJson {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export function issueJson(issue: ConfigIssue): IssueJson {
  return { file: issue.file, line: issue.line, column: issue.column, path: issue.path, message: issue.message };
}
