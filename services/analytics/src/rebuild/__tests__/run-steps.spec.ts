import type { EntityManager } from 'typeorm';
import type { FinishStep } from '../../projections/recount';
import { runSteps } from '../replay-tables';

/** A step that records when it starts and ends, and takes `ms` (or fails after it). */
function step(name: string, after: string[], log: string[], ms = 5, failure?: Error): FinishStep {
  return {
    name,
    after,
    run: async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      if (failure) throw failure;
    },
  };
}

/** Runs each step's work as the finish's transactions would, counting how many are open at once. */
function transactions() {
  const open = { now: 0, most: 0 };
  const transaction = async (work: (manager: EntityManager) => Promise<void>) => {
    open.now += 1;
    open.most = Math.max(open.most, open.now);
    try {
      await work({} as EntityManager);
    } finally {
      open.now -= 1;
    }
  };
  return { open, transaction };
}

describe('runSteps (the rebuild finish on its connections)', () => {
  it('runs every step once, each after the steps it follows, at most as many at once as there are connections', async () => {
    const log: string[] = [];
    const { open, transaction } = transactions();
    const steps = [
      step('standing', [], log, 20),
      step('keys', [], log, 5),
      step('reach', ['standing'], log, 5),
      step('index', ['keys'], log, 5),
      step('counts', ['reach', 'index'], log, 5),
      step('small', [], log, 1),
    ];

    const timings = await runSteps(steps, 2, transaction);

    expect(Object.keys(timings).sort()).toEqual(['counts', 'index', 'keys', 'reach', 'small', 'standing']);
    for (const { name, after } of steps) {
      expect(log.filter((line) => line === `start ${name}`)).toHaveLength(1);
      for (const before of after) expect([name, before, log.indexOf(`end ${before}`) < log.indexOf(`start ${name}`)]).toEqual([name, before, true]);
    }
    expect(open.most).toBe(2);
  });

  it('takes the first step in the list among those that can start', async () => {
    const log: string[] = [];
    const { transaction } = transactions();
    await runSteps([step('first', [], log), step('second', [], log), step('third', [], log)], 1, transaction);

    expect(log.filter((line) => line.startsWith('start'))).toEqual(['start first', 'start second', 'start third']);
  });

  it('keeps the other connection busy while one waits for a long step', async () => {
    const log: string[] = [];
    const { transaction } = transactions();
    // 'after' can only follow 'long'; the other connection takes the short steps meanwhile.
    await runSteps([step('long', [], log, 40), step('after', ['long'], log), step('short 1', [], log), step('short 2', [], log)], 2, transaction);

    expect(log.indexOf('end short 2')).toBeLessThan(log.indexOf('end long'));
    expect(log.indexOf('start after')).toBeGreaterThan(log.indexOf('end long'));
  });

  it('starts nothing after a failure and rejects with it once the step under way has ended', async () => {
    const log: string[] = [];
    const { open, transaction } = transactions();
    const broken = new Error('no space left on device');
    const outcome = runSteps([step('fails', [], log, 5, broken), step('slow', [], log, 30), step('later', [], log), step('follows', ['fails'], log)], 2, transaction);

    await expect(outcome).rejects.toBe(broken);
    expect(log).toEqual(['start fails', 'start slow', 'end fails', 'end slow']);
    expect(open.now).toBe(0);
  });

  it('refuses steps that follow an unknown step (before running any) or each other in a circle', async () => {
    const log: string[] = [];
    const { transaction } = transactions();
    await expect(runSteps([step('a', [], log), step('b', ['missing'], log)], 2, transaction)).rejects.toThrow('the step "b" follows unknown steps: missing');
    expect(log).toEqual([]);

    await expect(runSteps([step('a', [], log), step('b', ['c'], log), step('c', ['b'], log)], 2, transaction)).rejects.toThrow(
      'the steps "b", "c" follow each other in a circle',
    );
    expect(log).toEqual(['start a', 'end a']);
  });
});
