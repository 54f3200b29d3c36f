// `send`: type text into a pane: the text, a pause of ~150 ms, then a lone Enter.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../common/errors.js';
import { MAX_SEND_TEXT } from '../../protocol/messages.js';
import { connectDaemon } from '../daemon-client.js';
import { readAll } from '../io.js';
import type { CommandRegistrar } from '../program.js';

export const registerSend: CommandRegistrar = (program, ctx) => {
  program
    .command('send')
    .description('type text into a pane and submit it (text, pause, Enter)')
    .argument('<pane>', 'pane id or unique name')
    .argument('[text...]', 'the text to type')
    .option('-f, --file <file>', 'read the text from a file (- for standard input)')
    .option('--no-submit', 'type the text without pressing Enter')
    .action(async (pane: string, words: string[], options: { file?: string; submit: boolean }) => {
      const text = await readText(words, options.file, ctx.io);
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        await connection.request({ kind: 'send', pane, text, submit: options.submit });
      } finally {
        connection.dispose();
      }
    });
};

async function readText(words: string[], file: string | undefined, io: { cwd: string; stdin: NodeJS.ReadableStream }): Promise<string> {
  if (file !== undefined && words.length > 0) {
    throw new UserError('Give the text either as arguments or with --file, not both.', { exitCode: 2 });
  }
  if (file === undefined) {
    if (words.length === 0) throw new UserError('Nothing to send.', { hint: 'dot-agent-deck send PANE "text" or --file F', exitCode: 2 });
    return words.join(' ');
  }
  let data: Buffer;
  try {
    data = file === '-' ? await readAll(io.stdin, MAX_SEND_TEXT) : readFileSync(resolve(io.cwd, file));
  } catch (error) {
    if (error instanceof RangeError)
      throw new UserError(`The text is larger than ${MAX_SEND_TEXT} bytes.`, { hint: 'put long content in a file and send a line that points at it' });
    throw new UserError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (data.length > MAX_SEND_TEXT) {
    throw new UserError(`${file} is larger than ${MAX_SEND_TEXT} bytes.`, { hint: 'put long content in a file and send a line that points at it' });
  }
  // A trailing newline from an editor or `echo` is not meant as an extra Enter.
  return data.toString('utf8').replace(/\r?\n$/, '');
}
