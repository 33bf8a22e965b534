import { KeyedBatcher } from '../keyed-batcher';

describe('KeyedBatcher', () => {
  it('runs a lone item at once and groups the items that arrive while its key is busy', async () => {
    const batches: Array<[string, number[]]> = [];
    let release!: () => void;
    const firstRunning = new Promise<void>((resolve) => (release = resolve));
    const batcher = new KeyedBatcher<number, number>(async (key, items) => {
      batches.push([key, items]);
      if (batches.length === 1) await firstRunning;
      return items.map((n) => n * 10);
    });
    const first = batcher.submit('a', 1);
    const queued = [batcher.submit('a', 2), batcher.submit('a', 3)];
    const otherKey = batcher.submit('b', 4);
    expect(await otherKey).toBe(40);
    release();
    expect(await Promise.all([first, ...queued])).toEqual([10, 20, 30]);
    expect(batches).toEqual([
      ['a', [1]],
      ['b', [4]],
      ['a', [2, 3]],
    ]);
  });

  it('rejects one item when its outcome is an error, and the whole batch when the run fails', async () => {
    const batcher = new KeyedBatcher<number, number>(async (_key, items) => {
      if (items.includes(0)) throw new Error('batch failed');
      return items.map((n) => (n < 0 ? new Error(`refused ${n}`) : n));
    });
    await expect(batcher.submit('k', -1)).rejects.toThrow('refused -1');
    await expect(batcher.submit('k', 0)).rejects.toThrow('batch failed');
    expect(await batcher.submit('k', 5)).toBe(5);
  });
});
