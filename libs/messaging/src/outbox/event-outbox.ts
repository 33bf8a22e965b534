import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { definitionOf, EventType, partitionKeyOf, PayloadOf, ProducerService, qualified, subjectOf, validatePayload } from '@socialmakers/contracts';
import { RequestContext } from '@socialmakers/logging';
import { sourceOf, type EventEnvelope } from '../envelope/event-envelope';

export type PendingEvent = { [T in EventType]: { type: T; payload: PayloadOf<T> } }[EventType];

/** An outbox insert to embed in a caller's own statement (see EventOutbox.insertStatement). */
export interface OutboxInsert {
  sql: string;
  parameters: unknown[];
  envelopes: EventEnvelope[];
}

export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
}

/**
 * Writes events into the service's outbox table inside the caller's transaction, so the state change
 * and its events commit together or not at all. One multi-row INSERT per call, whatever the count.
 */
export class EventOutbox {
  private readonly source: string;

  constructor(private readonly service: ProducerService) {
    this.source = sourceOf(service);
  }

  async publish<T extends EventType>(manager: EntityManager, type: T, payload: PayloadOf<T>): Promise<EventEnvelope<T>> {
    const [envelope] = await this.publishAll(manager, [{ type, payload } as PendingEvent]);
    return envelope as EventEnvelope<T>;
  }

  async publishAll(manager: EntityManager, events: PendingEvent[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('EventOutbox.publish must run inside the transaction that changes the state it reports');
    }
    const insert = this.insertStatement(events);
    await manager.query(insert.sql, insert.parameters);
    return insert.envelopes;
  }

  /**
   * The outbox insert of `events` as SQL for the caller to embed in a single statement of its own, as
   * a data-modifying CTE next to the state change: one statement is atomic without BEGIN/COMMIT, so a
   * write and its events commit together in one round trip. The events are checked against their
   * contracts as by publishAll; the parameters are numbered from `firstParameter`. `when`, a SQL
   * condition over the caller's CTEs (e.g. `EXISTS (SELECT 1 FROM created)`), makes the rows go in
   * only when the change happens. The caller is responsible for keeping the statement single: this
   * method cannot check that, as publishAll checks its transaction.
   */
  insertStatement(events: PendingEvent[], options: { firstParameter?: number; when?: string } = {}): OutboxInsert {
    const envelopes = events.map((event) => this.envelope(event));
    const first = options.firstParameter ?? 1;
    const types = ['uuid', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'jsonb', 'text'];
    const arrays = types.map((type, i) => `$${first + i}::${type}[]`).join(', ');
    return {
      sql:
        `INSERT INTO outbox (event_id, topic, partition_key, event_type, source, subject, occurred_at, payload, request_id)
       SELECT * FROM unnest(${arrays})` + (options.when ? ` WHERE ${options.when}` : ''),
      parameters: [
        envelopes.map((e) => e.id),
        envelopes.map((e) => qualified(definitionOf(e.type).topic.name)),
        envelopes.map((e) => e.partitionkey),
        envelopes.map((e) => e.type),
        envelopes.map((e) => e.source),
        envelopes.map((e) => e.subject ?? null),
        envelopes.map((e) => e.time),
        envelopes.map((e) => JSON.stringify(e.data)),
        envelopes.map((e) => e.requestid ?? null),
      ],
      envelopes,
    };
  }

  private envelope(event: PendingEvent): EventEnvelope {
    const definition = definitionOf(event.type);
    if (definition.producer !== this.service) {
      throw new ContractViolationError(`${this.service} may not publish ${event.type}: the catalogue names ${definition.producer} as its producer`);
    }
    const checked = validatePayload(event.type, event.payload);
    if (!checked.ok) {
      const problems = checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      throw new ContractViolationError(`${event.type} payload does not match its contract: ${problems}`);
    }
    return {
      id: randomUUID(),
      source: this.source,
      type: event.type,
      subject: subjectOf(definition, checked.payload),
      time: new Date().toISOString(),
      specversion: '1.0',
      datacontenttype: 'application/json',
      data: { ...checked.payload } as PayloadOf<EventType>,
      partitionkey: partitionKeyOf(definition, checked.payload),
      requestid: RequestContext.requestId(),
    };
  }
}
