// Where the time goes: every statement a DataSource runs is timed (a TypeORM subscriber around each
// query) and filed under a label, so a phase can be split into the relay's claim / overtake check /
// Kafka send / mark / commit and the consumer's inbox insert / handler statements / commit.
import { performance } from 'node:perf_hooks';
import type { Producer } from 'kafkajs';
import type { AfterQueryEvent, BeforeQueryEvent, DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';

interface Tally {
  count: number;
  ms: number;
  rows: number;
}

const LABELS: Array<[RegExp, string]> = [
  [/^(START TRANSACTION|BEGIN)/i, 'begin'],
  [/^COMMIT/i, 'commit'],
  [/^ROLLBACK/i, 'rollback'],
  [/^SELECT id, event_id/i, 'claim (SELECT ... FOR UPDATE SKIP LOCKED)'],
  [/^SELECT partition_key, min\(id\)/i, 'overtake check'],
  [/^UPDATE outbox SET sent_at/i, 'mark sent (UPDATE)'],
  [/^INSERT INTO inbox/i, 'inbox insert'],
  [/^INSERT INTO module_completion_counts \(course_key, module_key, country, completions\) VALUES/i, 'handler: count upsert'],
  [/^INSERT INTO learner_progress \(person_id, modules_completed, best_score, last_completed_at\) VALUES/i, 'handler: learner upsert'],
  [/^INSERT INTO module_completion_counts/i, 'batch handler: count upsert'],
  [/^INSERT INTO learner_progress/i, 'batch handler: learner upsert'],
  [/^INSERT INTO module_completions/i, 'state insert'],
  [/^INSERT INTO outbox/i, 'outbox insert'],
  [/^SELECT coalesce\(sum\(completions\)/i, 'progress poll'],
];

const labelCache = new Map<string, string>();

function labelOf(query: string): string {
  let label = labelCache.get(query);
  if (label === undefined) {
    const trimmed = query.trimStart();
    label = LABELS.find(([pattern]) => pattern.test(trimmed))?.[1] ?? trimmed.slice(0, 40);
    labelCache.set(query, label);
  }
  return label;
}

/** Times every query of the DataSources it is attached to; `take()` returns and resets the tallies. */
export class QueryTimings implements EntitySubscriberInterface {
  private readonly started = new WeakMap<QueryRunner, number>();
  private tallies = new Map<string, Tally>();
  private commitListeners: Array<(runner: QueryRunner) => void> = [];

  attach(dataSource: DataSource): this {
    (dataSource.subscribers as EntitySubscriberInterface[]).push(this);
    return this;
  }

  /** Called after every transaction commit of an attached DataSource, with its query runner. */
  onCommit(listener: (runner: QueryRunner) => void): void {
    this.commitListeners.push(listener);
  }

  beforeQuery(event: BeforeQueryEvent): void {
    if (event.queryRunner) this.started.set(event.queryRunner, performance.now());
  }

  afterQuery(event: AfterQueryEvent): void {
    const start = event.queryRunner && this.started.get(event.queryRunner);
    if (start === undefined) return;
    this.add(labelOf(event.query), performance.now() - start, (event.rawResults as { rowCount?: number } | undefined)?.rowCount ?? 0);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    for (const listener of this.commitListeners) listener(event.queryRunner);
  }

  add(label: string, ms: number, rows = 0): void {
    const tally = this.tallies.get(label) ?? { count: 0, ms: 0, rows: 0 };
    tally.count += 1;
    tally.ms += ms;
    tally.rows += rows;
    this.tallies.set(label, tally);
  }

  take(): Map<string, Tally> {
    const taken = this.tallies;
    this.tallies = new Map();
    return taken;
  }
}

/** Times the producer's sendBatch calls under `label` (the relay's Kafka round trip). */
export function timeSends(producer: Producer, timings: QueryTimings, label: string, onSent?: (ids: string[], at: number) => void): Producer {
  const sendBatch = producer.sendBatch.bind(producer);
  producer.sendBatch = async (batch) => {
    const start = performance.now();
    const result = await sendBatch(batch);
    const records = batch.topicMessages?.reduce((sum, t) => sum + t.messages.length, 0) ?? 0;
    timings.add(label, performance.now() - start, records);
    if (onSent) {
      const at = Date.now();
      const ids: string[] = [];
      for (const topic of batch.topicMessages ?? []) {
        for (const message of topic.messages) {
          const id = (message.headers as Record<string, string> | undefined)?.['ce_id'];
          if (id) ids.push(id);
        }
      }
      onSent(ids, at);
    }
    return result;
  };
  return producer;
}

/** A table of tallies: label, calls, total ms, share of the phase's wall time, mean ms, rows per call. */
export function formatTallies(title: string, tallies: Map<string, Tally>, wallMs: number): string {
  const lines = [`${title} (phase wall time ${wallMs.toFixed(0)} ms; "busy" = total time / wall time)`];
  const sorted = [...tallies.entries()].sort((a, b) => b[1].ms - a[1].ms);
  for (const [label, t] of sorted) {
    lines.push(
      `  ${label.padEnd(44)} calls ${String(t.count).padStart(7)}  total ${t.ms.toFixed(0).padStart(7)} ms  busy ${((100 * t.ms) / wallMs)
        .toFixed(1)
        .padStart(5)}%  mean ${(t.ms / t.count).toFixed(2).padStart(6)} ms${t.rows ? `  rows/call ${(t.rows / t.count).toFixed(1)}` : ''}`,
    );
  }
  return lines.join('\n');
}

export function talliesToJson(tallies: Map<string, Tally>): Record<string, { calls: number; ms: number; rows_per_call?: number }> {
  const out: Record<string, { calls: number; ms: number; rows_per_call?: number }> = {};
  for (const [label, t] of tallies) {
    out[label] = { calls: t.count, ms: Math.round(t.ms), ...(t.rows ? { rows_per_call: Math.round((10 * t.rows) / t.count) / 10 } : {}) };
  }
  return out;
}
