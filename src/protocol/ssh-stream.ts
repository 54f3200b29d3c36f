// A byte stream to a remote deck: the system `ssh` running `dot-agent-deck daemon bridge` (or
// another deck command) on the host, its stdin and stdout as one Duplex. The stream ends only
// after ssh has exited, so a failure reaches the reader as one sentence (sshFailure), never as a
// bare "connection closed".
import { Duplex } from 'node:stream';
import { execa, type ResultPromise } from 'execa';
import { DaemonUnavailableError } from './connection.js';
import { sshArgv, sshFailure, type SshTarget } from './ssh-command.js';

/** What ssh and the remote print on stderr is kept up to this size (the newest part): messages. */
const STDERR_KEPT = 8192;

export interface SshRun {
  target: SshTarget;
  words: readonly string[];
  /** An exit code of the remote command that means "no daemon runs there" (`bridge --existing`). */
  noDaemonExit?: number;
  env: NodeJS.ProcessEnv;
  /** This deck's version, named in install hints. */
  version: string;
}

export class SshStream extends Duplex {
  private readonly child: ResultPromise<{ stdin: 'pipe'; stdout: 'pipe'; stderr: 'pipe'; buffer: false; reject: false }>;
  private stderr = '';

  constructor(run: SshRun) {
    super();
    this.child = execa('ssh', sshArgv(run.target, run.words), {
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      reject: false,
      env: run.env,
      extendEnv: false,
    });
    const { stdout, stderr, stdin } = this.child;
    stdout.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) stdout.pause();
    });
    stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    // A broken pipe to ssh shows up again as its exit; the exit says why.
    stdin.on('error', () => undefined);
    void this.child.then((result) => {
      if (this.destroyed) return;
      if (result.exitCode === 0) this.push(null);
      else if (run.noDaemonExit !== undefined && result.exitCode === run.noDaemonExit)
        this.destroy(new DaemonUnavailableError(`ssh:${run.target.name}`, 'ENOENT'));
      else this.destroy(sshFailure(run.target, result.exitCode ?? null, this.stderr, run.version));
    });
  }

  /** The ssh client's pid: what `kill` needs to cut the link. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  override _read(): void {
    this.child.stdout.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.child.stdin.destroyed) callback();
    else this.child.stdin.write(chunk, () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.child.stdin.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    callback(error);
  }
}

/** Runs one deck command on the remote and returns its stdout (capped), or throws the ssh failure. */
export async function sshOutput(run: SshRun, maxBytes = 65_536): Promise<string> {
  const result = await execa('ssh', sshArgv(run.target, run.words), {
    env: run.env,
    extendEnv: false,
    reject: false,
    maxBuffer: maxBytes,
    stdin: 'ignore',
    timeout: 60_000,
  });
  if (result.exitCode === 0) return result.stdout;
  throw sshFailure(run.target, result.exitCode ?? null, result.stderr, run.version);
}
