// Which handler answers which request. The mapped type makes a missing handler a type error.
import type { Request, RequestKind, ResponseMap } from '../protocol/messages.js';
import type { ClientHandle, DaemonContext, Handler } from './context.js';
import { capture } from './handlers/capture.js';
import { kill } from './handlers/kill.js';
import { list } from './handlers/list.js';
import { newPane } from './handlers/new.js';
import { rename } from './handlers/rename.js';
import { resize } from './handlers/resize.js';
import { scroll } from './handlers/scroll.js';
import { send } from './handlers/send.js';
import { shutdown } from './handlers/shutdown.js';
import { status } from './handlers/status.js';
import { subscribe, unsubscribe } from './handlers/subscribe.js';
import { up } from './handlers/up.js';
import { openMode } from './handlers/open-mode.js';
import { delegate } from './handlers/delegate.js';
import { workDone } from './handlers/work-done.js';
import { ask } from './handlers/ask.js';
import { reply } from './handlers/reply.js';
import { checkpoint } from './handlers/checkpoint.js';
import { timeline } from './handlers/timeline.js';
import { hook } from './handlers/hook.js';
import { agentEvent } from './handlers/agent-event.js';
import { explain } from './handlers/explain.js';
import { answer } from './handlers/answer.js';
import { generateConfig } from './handlers/generate-config.js';
import { lockAcquire, lockRelease, lockStatus } from './handlers/lock.js';
import { dispatch, dispatchTargets, worktreeList, worktreeReclaim } from './handlers/dispatch.js';
import { roleDeliver, roleHost } from './handlers/role-host.js';
import { scheduleAdd, scheduleList, scheduleRemove, scheduleRun, scheduleUpdate } from './handlers/schedule.js';

const handlers: { [K in RequestKind]: Handler<K> } = {
  status,
  list,
  new: newPane,
  send,
  capture,
  kill,
  rename,
  subscribe,
  unsubscribe,
  resize,
  scroll,
  shutdown,
  up,
  'open-mode': openMode,
  delegate,
  'work-done': workDone,
  ask,
  reply,
  checkpoint,
  hook,
  'agent-event': agentEvent,
  explain,
  answer,
  timeline,
  'generate-config': generateConfig,
  'lock-acquire': lockAcquire,
  'lock-release': lockRelease,
  'lock-status': lockStatus,
  dispatch,
  'dispatch-targets': dispatchTargets,
  'worktree-list': worktreeList,
  'worktree-reclaim': worktreeReclaim,
  'schedule-list': scheduleList,
  'schedule-add': scheduleAdd,
  'schedule-update': scheduleUpdate,
  'schedule-remove': scheduleRemove,
  'schedule-run': scheduleRun,
  'role-host': roleHost,
  'role-deliver': roleDeliver,
};

export async function route(request: Request, daemon: DaemonContext, client: ClientHandle): Promise<ResponseMap[RequestKind]> {
  const handler = handlers[request.kind] as Handler<RequestKind>;
  return handler(request as never, daemon, client);
}
