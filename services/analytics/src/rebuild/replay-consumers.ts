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

  private constructor(private readonly children: ChildProcess[]) {
    this.failure = new Promise<never>((_, reject) => {
      for (const child of children) {
        child.on('message', (message: ReplayConsumerReport) => {
          if ('failed' in message) reject(new Error(`a replay consumer failed: ${message.failed}`));
        });
        child.on('exit', (code, signal) => {
          if (!this.stopping) reject(new Error(`a replay consumer exited (${signal ?? `code ${code}`}) before the replay ended`));
        });
      }
    });
    // Observed here, so that a failure while nobody awaits it is not an unhandled rejection.
    this.failure.catch(() => undefined);
  }

  /** Forks `count` consumers and waits until each has joined the replay group. */
  static async start(count: number, settings: ReplayConsumerSettings): Promise<ReplayConsumers> {
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
    const consumers = new ReplayConsumers(children);
    try {
      await Promise.race([
        Promise.all(children.map((child) => new Promise<void>((resolve) => child.on('message', (m: ReplayConsumerReport) => 'started' in m && resolve())))),
        consumers.failure,
      ]);
    } catch (error) {
      consumers.kill();
      throw error;
    }
    return consumers;
  }

  /** Asks each consumer to stop (it commits its offsets) and waits for it to exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.send('stop');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
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
