// `generate-config`: writes the config-generation prompt into the pane's directory and types the
// one pointer line into its agent through the delegation delivery path (readiness, one line,
// confirmation). The agent does the rest; the daemon never runs anything from the project.
import { UserError } from '../../common/errors.js';
import { buildConfigGenPrompt, CONFIG_GEN_POINTER_LINE, CONFIG_GEN_PROMPT_PATH } from '../../config-gen/config-gen-prompt.js';
import { writeCoordinationFile } from '../../orchestration/coordination-files.js';
import type { Handler } from '../context.js';

export const generateConfig: Handler<'generate-config'> = async (request, daemon) => {
  const paneId = daemon.registry.resolve(request.pane);
  const pane = daemon.registry.get(paneId);
  if (pane.state !== 'running') {
    throw new UserError(`Pane ${paneId} (${pane.name}) is ${pane.state}; no agent runs there to ask.`, {
      hint: 'start your agent in a pane of the project first',
    });
  }
  const promptFile = writeCoordinationFile(pane.cwd, CONFIG_GEN_PROMPT_PATH, await buildConfigGenPrompt(pane.cwd));
  const outcome = await daemon.orchestration.deliverToPane(paneId, CONFIG_GEN_POINTER_LINE);
  if (!outcome.ok) {
    throw new UserError(`Could not type the request into ${pane.name}: ${outcome.reason}.`, {
      hint: `the prompt is in ${promptFile}; type "${CONFIG_GEN_POINTER_LINE}" into the agent yourself`,
    });
  }
  daemon.logger.info('config generation requested', { pane: paneId, ms: outcome.ms });
  return { paneId, promptFile, ms: outcome.ms };
};
