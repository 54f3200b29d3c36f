// A dispatch's name and where it lives: NAME becomes one path segment and part of a branch
// name, so it is a safe word that git accepts as a ref component.
import { basename, dirname, join } from 'node:path';
import { UserError } from '../common/errors.js';
import { nameProblem } from '../config/project-fields.js';

export const DISPATCH_BRANCH_PREFIX = 'agent/dispatch-';

/** Throws a UserError when NAME cannot name a dispatch. */
export function checkDispatchName(name: string): void {
  const problem = nameProblem(name) ?? refProblem(name);
  if (problem) throw new UserError(`The dispatch name ${problem}.`, { hint: 'use a short word such as fix-login or nightly-deps', exitCode: 2 });
}

/** What git refuses in a ref component that nameProblem's safe set still allows. */
function refProblem(name: string): string | undefined {
  if (name.includes('..')) return `${JSON.stringify(name)} contains ".."; git refuses that in a branch name`;
  if (name.endsWith('.lock')) return `${JSON.stringify(name)} ends in ".lock"; git refuses that in a branch name`;
  if (name.endsWith('.')) return `${JSON.stringify(name)} ends in "."; git refuses that in a branch name`;
  return undefined;
}

export function dispatchBranch(name: string): string {
  return `${DISPATCH_BRANCH_PREFIX}${name}`;
}

/** `../<repo>-dispatch-<NAME>`, beside the repository's main checkout. */
export function dispatchPath(repoRoot: string, name: string): string {
  return join(dirname(repoRoot), `${basename(repoRoot)}-dispatch-${name}`);
}

/** The NAME of a deck branch (`agent/dispatch-NAME`), or null for any other branch. */
export function dispatchNameOf(branch: string): string | null {
  const short = branch.replace(/^refs\/heads\//, '');
  return short.startsWith(DISPATCH_BRANCH_PREFIX) ? short.slice(DISPATCH_BRANCH_PREFIX.length) : null;
}
