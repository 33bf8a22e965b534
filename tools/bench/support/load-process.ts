import { spawn } from 'node:child_process';
import { repoRoot } from '@socialmakers/testing';

/** The summary line an HTTP load process prints (tools/bench/support/http-load.ts). */
export interface LoadReport {
  requestsPerSecond: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p99: number;
  max: number;
}

/** Runs a load script in a process of its own (so it does not share the measuring event loop) and reads its report. */
export function runLoadProcess(script: string, args: readonly string[]): Promise<LoadReport> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(output.trim().split('\n').pop()!) as LoadReport) : reject(new Error(`load process exited with ${code}`))));
  });
}
