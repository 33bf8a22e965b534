/**
 * Group commit for a busy door: check-ins for the same activity that arrive while one of its
 * transactions is running wait for it to finish and then go together in the next one. One check-in
 * alone still takes one transaction; fifty at once take a handful instead of fifty, which is what
 * lets a 2-core machine keep up with a festival entrance (each transaction's round trips to
 * PostgreSQL, not the SQL itself, are the cost).
 */
export class KeyedBatcher<Item, Result> {
  private readonly queues = new Map<string, Array<{ item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }>>();

  /**
   * @param run processes one batch of one key; it returns one outcome per item, in order: a result,
   *   or an Error to reject that item alone. When it throws, every item of the batch is rejected.
   */
  constructor(
    private readonly run: (key: string, items: Item[]) => Promise<Array<Result | Error>>,
    private readonly maxBatch = 500,
  ) {}

  submit(key: string, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.queues.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(key)!;
      if (queue.length === 0) {
        this.queues.delete(key);
        return;
      }
      const batch = queue.splice(0, this.maxBatch);
      try {
        const outcomes = await this.run(
          key,
          batch.map((entry) => entry.item),
        );
        batch.forEach((entry, i) => (outcomes[i] instanceof Error ? entry.reject(outcomes[i]) : entry.resolve(outcomes[i] as Result)));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
  }
}
