// `new`: start a pane running a command in a directory.
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { UserError } from '../../common/errors.js';
import type { Handler } from '../context.js';

export const newPane: Handler<'new'> = (request, daemon) => {
  if (!isAbsolute(request.cwd)) {
    throw new UserError(`The pane directory must be an absolute path, got "${request.cwd}".`);
  }
  let isDir = false;
  try {
    isDir = statSync(request.cwd).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UserError(`The directory ${request.cwd} does not exist.`, { hint: 'pass an existing directory with -p DIR' });
  const pane = daemon.registry.create({
    command: request.command,
    cwd: request.cwd,
    name: request.name,
    tab: request.tab ?? null,
    role: request.role ?? null,
    cols: request.cols,
    rows: request.rows,
  });
  daemon.logger.info('pane created', { id: pane.id, command: pane.command, cwd: pane.cwd });
  return { pane };
};
