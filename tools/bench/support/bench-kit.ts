// Small pieces every benchmark under tools/bench needs: progress on stderr, the JSON result as the
// last line of stdout, clean-up that also runs on failure and on Ctrl-C, percentiles, CPU readings.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const started = Date.now();

/** A progress line on stderr, stamped with the seconds since the benchmark started. */
export function progress(message: string): void {
  process.stderr.write(`[bench +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

/** The result: one JSON object, written last on stdout. */
export function printResult(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function round(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: number[]): { count: number; p50: number; p90: number; p99: number; max: number; mean: number } {
  const sorted = Float64Array.from(values).sort();
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: values.length ? sum / values.length : Number.NaN,
  };
}

/**
 * Polls `read` until `done` holds and returns the time it first held (ms since epoch). Fails after
 * `timeoutMs`, naming what it waited for and the last value, so a stuck phase ends the run.
 */
export async function pollUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs, intervalMs = 20, onTick }: { timeoutMs: number; intervalMs?: number; onTick?: (value: T) => void },
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    const at = Date.now();
    if (done(last)) return at;
    onTick?.(last);
    if (at > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(intervalMs);
  }
}

/** Calls `tick` every `everyMs` until stopped (progress reports during long phases). */
export function every(everyMs: number, tick: () => void): () => void {
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Clean-up steps run in reverse order of registration, each at most once, whether the benchmark
 * succeeds, fails or is interrupted (SIGINT/SIGTERM).
 */
export class CleanUp {
  private readonly steps: Array<{ name: string; run: () => Promise<unknown> }> = [];
  private running?: Promise<void>;

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        progress(`${signal}: cleaning up before exit`);
        void this.runAll().finally(() => process.exit(130));
      });
    }
  }

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop()!;
        try {
          await withTimeout(step.run(), 30_000, step.name);
        } catch (error) {
          progress(`clean-up step "${step.name}" failed: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }
}

export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** CPU time (user + system, ms) consumed so far by a process, from /proc; undefined when unreadable. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** Whole-machine CPU time (ms) busy and total, from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: ((total - idle) * 1000) / 100, total: (total * 1000) / 100 };
}

/** Process ids whose command line contains `needle` (for CPU readings of the broker and PostgreSQL). */
export function pidsMatching(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSafe('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(needle)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/**
 * Who used the CPU during a phase, in cores (1.0 = one core busy the whole phase): this process (with
 * its child processes that ended meanwhile, such as a rebuild's replay consumers), the named child
 * processes, the broker, PostgreSQL (all its processes, or only the backends of one
 * database), the whole machine, and `others`: the machine minus all of those (other programs
 * competing for the cores).
 */
export class CpuMeter {
  private readonly startedAt = Date.now();
  private readonly self = processCpuMs(process.pid) ?? 0;
  private readonly machine = machineCpuMs();
  private readonly kafka: Map<number, number>;
  private readonly postgres: Map<number, number>;
  /** Each PostgreSQL backend's CPU when last seen: a backend that ends before `read` still counts. */
  private readonly postgresSeen = new Map<number, number>();
  private readonly children: Map<number, number>;

  /**
   * `database`: count only the PostgreSQL backends serving this database (their process title names
   * it) as `postgres`; other backends (other programs' databases) then count under `others`.
   */
  constructor(
    private readonly named: Record<string, number> = {},
    private readonly options: { database?: string } = {},
  ) {
    this.kafka = CpuMeter.read(pidsMatching('kafka.Kafka'));
    this.postgres = CpuMeter.read(this.postgresPids());
    this.children = CpuMeter.read(Object.values(named));
  }

  private postgresPids(): number[] {
    const database = this.options.database;
    return pidsMatching(database ? ` ${database} ` : 'postgres').filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
      } catch {
        return false;
      }
    });
  }

  /**
   * Notes the CPU of the PostgreSQL backends now running; call it now and then during a phase whose
   * connections end before it does (a rebuild's replay consumers close theirs).
   */
  sample(): void {
    for (const pid of this.postgresPids()) {
      const now = processCpuMs(pid);
      if (now !== undefined) this.postgresSeen.set(pid, now);
    }
  }

  private static read(pids: number[]): Map<number, number> {
    return new Map(pids.map((pid) => [pid, processCpuMs(pid) ?? 0]));
  }

  private static delta(before: Map<number, number>, pids: number[]): number {
    let sum = 0;
    for (const pid of pids) {
      const now = processCpuMs(pid);
      if (now !== undefined) sum += now - (before.get(pid) ?? 0);
    }
    return sum;
  }

  /** Cores used since construction; PostgreSQL backends that started meanwhile count from zero. */
  read(): Record<string, number> {
    const wall = Math.max(1, Date.now() - this.startedAt);
    this.sample();
    const machine = machineCpuMs();
    const children = Object.fromEntries(
      Object.entries(this.named).map(([name, pid]) => [name, round(CpuMeter.delta(this.children, [pid]) / wall, 2)]),
    );
    const ours = {
      bench: round(((processCpuMs(process.pid) ?? 0) - this.self) / wall, 2),
      ...children,
      kafka: round(CpuMeter.delta(this.kafka, pidsMatching('kafka.Kafka')) / wall, 2),
      postgres: round([...this.postgresSeen].reduce((sum, [pid, ms]) => sum + ms - (this.postgres.get(pid) ?? 0), 0) / wall, 2),
    };
    const machineCores = round((machine.busy - this.machine.busy) / wall, 2);
    // Everything else on the machine (other programs); the broker and PostgreSQL count as ours.
    const others = round(Math.max(0, machineCores - Object.values(ours).reduce((a, b) => a + b, 0)), 2);
    return { ...ours, machine: machineCores, others };
  }
}

/** Cores the whole machine keeps busy over `ms` (to notice other load before measuring). */
export async function machineLoad(ms = 1000): Promise<number> {
  const before = machineCpuMs();
  await sleep(ms);
  const after = machineCpuMs();
  return round((after.busy - before.busy) / ms, 2);
}
