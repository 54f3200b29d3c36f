// Every subcommand, in the order `--help` lists them. One file per command.
import type { CommandRegistrar } from '../program.js';
import { registerCapture } from './capture.js';
import { registerConfig } from './config.js';
import { registerDaemon } from './daemon.js';
import { registerDefault } from './default.js';
import { registerInit } from './init.js';
import { registerKill } from './kill.js';
import { registerLs } from './ls.js';
import { registerNew } from './new.js';
import { registerSchema } from './schema.js';
import { registerSend } from './send.js';
import { registerValidate } from './validate.js';
import { registerUp } from './up.js';
import { registerDelegate } from './delegate.js';
import { registerWorkDone } from './work-done.js';
import { registerAgentEvent } from './agent-event.js';
import { registerAsk } from './ask.js';
import { registerReply } from './reply.js';
import { registerTasks } from './tasks.js';
import { registerCheckpoint } from './checkpoint.js';
import { registerLog } from './log.js';
import { registerReport } from './report.js';
import { registerHook } from './hook.js';
import { registerHooks } from './hooks.js';
import { registerExplain } from './explain.js';
import { registerDemo } from './demo.js';
import { registerWatch } from './watch.js';
import { registerRemote } from './remote.js';
import { registerConnect } from './connect.js';
import { registerLock } from './lock.js';
import { registerDispatch } from './dispatch.js';
import { registerWorktree } from './worktree.js';
import { registerSchedule } from './schedule.js';

export const registrars: readonly CommandRegistrar[] = [
  registerDefault,
  registerInit,
  registerValidate,
  registerSchema,
  registerConfig,
  registerNew,
  registerLs,
  registerSend,
  registerCapture,
  registerKill,
  registerDaemon,
  registerUp,
  registerDelegate,
  registerWorkDone,
  registerAgentEvent,
  registerAsk,
  registerReply,
  registerCheckpoint,
  registerTasks,
  registerLog,
  registerReport,
  registerExplain,
  registerDemo,
  registerWatch,
  registerRemote,
  registerConnect,
  registerLock,
  registerDispatch,
  registerWorktree,
  registerSchedule,
  registerHooks,
  registerHook,
];
