import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { repoRoot } from './infrastructure';

export type ServiceName = 'learning' | 'events' | 'community' | 'analytics';
/** What ServiceProcess can run: the domain services and the gateway in front of them. */
export type ProcessName = ServiceName | 'gateway';

/**
 * One service running as its own process, the way it runs in production (the compiled build, its
 * own config, pool and consumer), so integration tests can stop it gracefully or kill it outright. Its output goes to
 * .cache/test-logs/<service>-<port>.log.
 */
export class ServiceProcess {
  private exited?: Promise<number | null>;

  private constructor(
    readonly name: ProcessName,
    readonly port: number,
    readonly env: Record<string, string>,
    private child: ChildProcess,
  ) {
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
  }

  /** The running process's id (benchmarks sample its CPU and memory). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Where its stdout and stderr go (the JSON log lines): tests read what it logged, e.g. a reset link in local mode. */
  get logFile(): string {
    return logFileOf(this.name, this.port);
  }

  static async start(name: ProcessName, env: { DATABASE_URL: string } & Record<string, string>): Promise<ServiceProcess> {
    const port = await freePort();
    const fullEnv: Record<string, string> = {
      ...(process.env as Record<string, string>),
      SERVICE_NAME: name,
      PORT: String(port),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      ...env,
    };
    const service = new ServiceProcess(name, port, fullEnv, launch(name, port, fullEnv));
    await service.waitUntilHealthy();
    return service;
  }

  /** Starts the same service again on the same port with the same settings (after stop or kill). */
  async restart(): Promise<void> {
    this.child = launch(this.name, this.port, this.env);
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
    await this.waitUntilHealthy();
  }

  /** SIGTERM: the graceful path (finish the batch, flush, close). Resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    return this.exited!;
  }

  /** SIGKILL: the process dies wherever it is, as in a crash or an OOM kill. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private async waitUntilHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited with ${this.child.exitCode} during start-up; see .cache/test-logs`);
      try {
        const response = await fetch(`${this.url}/health/live`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} did not answer /health/live within ${timeoutMs} ms`);
  }
}

const running = new Set<ChildProcess>();
// A test run that dies must not leave services behind, consuming and holding ports.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

function launch(name: ProcessName, port: number, env: Record<string, string>): ChildProcess {
  const logFile = logFileOf(name, port);
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  // The compiled service, exactly what production runs (the integration setup builds it first).
  const child = spawn(process.execPath, [`dist/services/${name}/src/main.js`], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both streams share one log file: neither may end it while the other still writes.
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('close', () => log.end());
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function logFileOf(name: ProcessName, port: number): string {
  return resolve(repoRoot, '.cache/test-logs', `${name}-${port}.log`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
