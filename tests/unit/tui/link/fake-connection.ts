// A daemon connection for the link tests: no socket, every request and keystroke recorded.
import { Emitter } from '../../../../src/common/event.js';
import type { PaneInfo } from '../../../../src/protocol/messages.js';
import type { PaneFrame } from '../../../../src/protocol/pane-types.js';

/** A daemon connection: answers `list` with `panes` (the restored list), records what it is sent. */
export class FakeConnection {
  readonly requests: string[] = [];
  /** Every request as sent, for the tests that check where a request went and what it named. */
  readonly bodies: Array<{ kind: string } & Record<string, unknown>> = [];
  readonly inputs: string[] = [];
  /** "pane:bytes" per keystroke. */
  readonly typed: string[] = [];
  readonly closeEmitter = new Emitter<void>();
  readonly panesEmitter = new Emitter<PaneInfo[]>();
  readonly frameEmitter = new Emitter<PaneFrame>();
  readonly finishedEmitter = new Emitter<string>();
  readonly onClose = this.closeEmitter.event;
  readonly onPanes = this.panesEmitter.event;
  readonly onFrame = this.frameEmitter.event;
  readonly onFinished = this.finishedEmitter.event;
  panes: PaneInfo[] | null;
  isClosed = false;

  constructor(
    readonly daemonPid: number,
    private readonly listed: PaneInfo[],
    handshake: PaneInfo[] = [],
    private readonly notices?: string[],
  ) {
    this.panes = handshake;
  }

  request(body: { kind: string }): Promise<unknown> {
    this.requests.push(body.kind);
    this.bodies.push(body);
    if (body.kind === 'list') this.panes = this.listed;
    return Promise.resolve(body.kind === 'list' ? { panes: this.listed, ...(this.notices ? { notices: this.notices } : {}) } : {});
  }

  sendInput(paneId: string, bytes: Buffer | string = ''): void {
    this.inputs.push(paneId);
    this.typed.push(`${paneId}:${String(bytes)}`);
  }

  /** The daemon went away. */
  drop(): void {
    this.isClosed = true;
    this.closeEmitter.fire();
  }

  dispose(): void {
    if (!this.isClosed) this.drop();
  }
}
