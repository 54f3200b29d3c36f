// Sends one request and waits for its answer without the schema layer: hello and request go out
// at once, the reply is matched by id. Only for `dot-agent-deck hook`, which must start fast and
// never fail the agent; everything else uses Connection. Resolves in every case, never throws.
import { createConnection } from 'node:net';
import { encodeFrame, FrameDecoder } from './framing.js';
import { PROTOCOL_VERSION } from './protocol-version.js';

export interface SendOnceOptions {
  socketPath: string;
  version: string;
  /** A request body (validated by the daemon at its edge). */
  body: unknown;
  timeoutMs: number;
  /** The pane's credential: the daemon applies a hook only from the pane it is about. */
  pane?: { paneId: string; token: string };
}

export type SendOnceOutcome = 'answered' | 'refused' | 'unavailable' | 'timeout';

export function sendOnce(options: SendOnceOptions): Promise<SendOnceOutcome> {
  return new Promise((resolve) => {
    const socket = createConnection(options.socketPath);
    const decoder = new FrameDecoder(64 * 1024);
    let settled = false;
    const finish = (outcome: SendOnceOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs);
    socket.on('error', () => finish('unavailable'));
    socket.on('close', () => finish('unavailable'));
    socket.on('connect', () => {
      socket.write(
        encodeFrame({
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          client: 'hook',
          version: options.version,
          pid: process.pid,
          ...(options.pane ? { pane: options.pane } : {}),
        }),
      );
      socket.write(encodeFrame({ type: 'request', id: 1, body: options.body }));
    });
    socket.on('data', (chunk: Buffer) => {
      const { frames, error } = decoder.push(chunk);
      if (error !== undefined) return finish('refused');
      for (const frame of frames) {
        let message: { type?: unknown; id?: unknown };
        try {
          message = JSON.parse(frame) as typeof message;
        } catch {
          return finish('refused');
        }
        if (message.type === 'refused') return finish('refused');
        if ((message.type === 'result' || message.type === 'error') && message.id === 1) return finish('answered');
      }
    });
  });
}
