// The pane a `delegate`/`work-done` comes from, proven by the credential its connection presented.
import { UserError } from '../../common/errors.js';
import type { ClientHandle } from '../context.js';
import type { PaneCaller } from '../orchestration-requests.js';

export function provenPane(client: ClientHandle, verb: string): PaneCaller {
  const authority = client.authority;
  if (authority.kind === 'pane') return { paneId: authority.paneId, agentId: authority.agentId };
  if (authority.kind === 'unproven') {
    throw new UserError(`\`${verb}\` came from an earlier run of pane ${authority.paneId} (its credential no longer matches the agent running there).`, {
      hint: 'only the agent now running in the pane can report for it',
    });
  }
  throw new UserError(`\`${verb}\` must run inside a dot-agent-deck orchestration pane: this process presented no pane credential.`, {
    hint: 'agents in an orchestration tab run it; open one with `dot-agent-deck up`',
  });
}
