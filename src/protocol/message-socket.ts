// A socket that speaks validated messages: frames in, zod-checked messages out. Shared by the
// daemon's per-client handler and the client connection. Knows nothing of what messages mean.
import type { Duplex } from 'node:stream';
import type { z } from 'zod';
import { assertNever } from '../common/errors.js';
import { Emitter } from '../common/event.js';
import type { Disposable } from '../common/disposable.js';
import { FrameDecoder, encodeFrame, MAX_FRAME_BYTES } from './framing.js';

export type ProtocolFault = { kind: 'oversized' } | { kind: 'invalid-json'; detail: string } | { kind: 'invalid-message'; detail: string };

/** Where a value broke its schema, as one line: `panes.0.state: Invalid option …`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

/** A fault as a phrase for an error message. */
export function describeFault(fault: ProtocolFault): string {
  switch (fault.kind) {
    case 'oversized':
      return `a frame over ${MAX_FRAME_BYTES} bytes`;
    case 'invalid-json':
      return `not JSON: ${fault.detail}`;
    case 'invalid-message':
      return fault.detail;
    default:
      return assertNever(fault, 'protocol fault');
  }
}

export class MessageSocket<In> implements Disposable {
  private readonly decoder: FrameDecoder;
  private readonly messageEmitter = new Emitter<In>();
  private readonly faultEmitter = new Emitter<ProtocolFault>();
  private readonly closeEmitter = new Emitter<void>();
  private readonly drainEmitter = new Emitter<void>();
  private closed = false;

  readonly onMessage = this.messageEmitter.event;
  /** A peer that breaks framing or schema; the owner decides (the daemon closes it). */
  readonly onFault = this.faultEmitter.event;
  readonly onClose = this.closeEmitter.event;
  readonly onDrain = this.drainEmitter.event;

  constructor(
    /** A Unix socket, or any byte stream to a daemon (ssh to a remote's bridge). */
    readonly socket: Duplex,
    private readonly schema: z.ZodType<In>,
    maxFrameBytes = MAX_FRAME_BYTES,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('drain', () => this.drainEmitter.fire());
    socket.on('error', () => this.markClosed());
    socket.on('close', () => this.markClosed());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Bytes queued in the kernel-side buffer we have not flushed: the slow-client signal. */
  get backlog(): number {
    return this.socket.writableLength;
  }

  send(message: unknown): boolean {
    if (this.closed) return false;
    return this.socket.write(encodeFrame(message));
  }

  /** Sends a last message, then ends the connection once it is flushed. */
  sendAndEnd(message: unknown): void {
    if (this.closed) return;
    this.socket.end(encodeFrame(message));
  }

  dispose(): void {
    this.markClosed();
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    const result = this.decoder.push(chunk);
    for (const frame of result.frames) {
      if (this.closed) return;
      this.handleFrame(frame);
    }
    if (result.error === 'oversized' && !this.closed) this.faultEmitter.fire({ kind: 'oversized' });
  }

  private handleFrame(frame: string): void {
    let value: unknown;
    try {
      value = JSON.parse(frame);
    } catch (error) {
      this.faultEmitter.fire({ kind: 'invalid-json', detail: (error as Error).message });
      return;
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      this.faultEmitter.fire({ kind: 'invalid-message', detail: firstIssue(parsed.error) });
      return;
    }
    this.messageEmitter.fire(parsed.data);
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeEmitter.fire();
    this.messageEmitter.dispose();
    this.faultEmitter.dispose();
    this.drainEmitter.dispose();
    this.closeEmitter.dispose();
  }
}
