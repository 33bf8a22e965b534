import { fork, type ChildProcess } from 'node:child_process';
import type { ReplayConsumerReport, ReplayConsumerSettings } from './replay-consumer.process';

const TYPESCRIPT_LOADER = '@swc-node/register';

/** How long a replay consumer may take to stop (commit its offsets, close) before it is killed. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * The replay consumers of a rebuild, each a process of its own (replay-consumer.process.ts), with
 * its output on this process's stderr. `failure` rejects as soon as one of them fails or exits
 * before it was asked to stop, so that the rebuild fails instead of waiting for its records.
 */
export class ReplayConsumers {
  private stopping = false;
  readonly failure: Promise<never>;
  /** Per consumer: loaded and connected, listening for 'join' and 'stop'. */
  private readonly ready: Array<Promise<void>>;
  /** Per consumer: a member of the replay group. */
  private readonly started: Array<Promise<void>>;

  private constructor(private readonly children: ChildProcess[]) {
    const reported = (kind: 'ready' | 'started') =>
      children.map((child) => new Promise<void>((resolve) => child.on('message', (message: ReplayConsumerReport) => kind in message && resolve())));
    this.ready = reported('ready');
    this.started = reported('started');
    this.failure = new Promise<never>((_, reject) => {
      for (const child of children) {
        child.on('message', (message: ReplayConsumerReport) => {
          if ('failed' in message) reject(new Error(`a replay consumer failed: ${message.failed}`));
        });
        // A message to a consumer that has just gone (its channel closed) fails the rebuild too.
        child.on('error', (error) => reject(new Error(`a replay consumer failed: ${error.message}`)));
        child.on('exit', (code, signal) => {
          if (!this.stopping) reject(new Error(`a replay consumer exited (${signal ?? `code ${code}`}) before the replay ended`));
        });
      }
    });
    // Observed here, so that a failure while nobody awaits it is not an unhandled rejection.
    this.failure.catch(() => undefined);
  }

  /**
   * Forks `count` consumers, which load and connect meanwhile (a second or two from the sources)
   * but join the replay group only when told to (`join`): the rebuild forks them before it prepares
   * the tables and the group, which they must not read before.
   */
  static fork(count: number, settings: ReplayConsumerSettings): ReplayConsumers {
    const entry = require.resolve('./replay-consumer.process');
    // Run from the sources (the CLI through npm, tests, benchmarks), the consumer needs the
    // TypeScript loader the tools use; from the build it is plain JavaScript.
    const loader = entry.endsWith('.ts') && !process.execArgv.includes(TYPESCRIPT_LOADER) ? ['-r', TYPESCRIPT_LOADER] : [];
    const children = Array.from({ length: count }, () =>
      fork(entry, [], {
        execArgv: [...process.execArgv, ...loader],
        env: { ...process.env, REPLAY_CONSUMER: JSON.stringify(settings) },
        stdio: ['ignore', 2, 2, 'ipc'],
      }),
    );
    return new ReplayConsumers(children);
  }

  /**
   * Waits until every consumer is ready, then has them join the replay group together, and waits
   * until each has joined. Joining together spares a rebalance while the first already consumes.
   * Kills them all if one fails meanwhile.
   */
  async join(): Promise<void> {
    try {
      await Promise.race([Promise.all(this.ready), this.failure]);
      for (const child of this.children) child.send('join');
      await Promise.race([Promise.all(this.started), this.failure]);
    } catch (error) {
      this.kill();
      throw error;
    }
  }

  /** Asks each consumer to stop (it commits its offsets) and waits for it to exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.children.map(async (child, index) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        // A consumer still loading would not hear the message yet.
        await Promise.race([this.ready[index], exited]);
        if (child.connected) child.send('stop');
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  /** The consumers' process ids (for operators' tools and tests). */
  get pids(): number[] {
    return this.children.flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
  }

  /** Ends every consumer at once (a failed rebuild). */
  kill(): void {
    this.stopping = true;
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
