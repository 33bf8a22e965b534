import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EventType } from '@socialmakers/contracts';

export interface LoggedEvent {
  seq: string;
  source: string;
  id: string;
  type: EventType;
  subject: string | null;
  occurredAt: string;
  recordedAt: string;
  country: string | null;
  data: Record<string, unknown>;
}

export interface EventLogQuery {
  /** Only events after this sequence number (a stream's Last-Event-ID). */
  afterSeq?: string;
  types?: EventType[];
  countries?: string[];
  /** When the event's subject happened (the payload's time), [from, to). */
  from?: Date;
  to?: Date;
  limit: number;
}

/**
 * Reads the event log: every consumed event once, in the order analytics applied it, numbered by a
 * sequence that only grows. The live stream resumes on that number; exports read a type and period.
 */
@Injectable()
export class EventLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: EventLogQuery): Promise<LoggedEvent[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT seq::text AS seq, event_source AS source, event_id AS id, type, subject, occurred_at AS "occurredAt", recorded_at AS "recordedAt", country, data
       FROM event_log
       WHERE seq > $1
         AND ($2::text[] IS NULL OR type = ANY($2))
         AND ($3::text[] IS NULL OR country = ANY($3))
         AND ($4::timestamptz IS NULL OR occurred_at >= $4)
         AND ($5::timestamptz IS NULL OR occurred_at < $5)
       -- The table's number, not the text of the same name above (text orders '10' before '9').
       ORDER BY event_log.seq
       LIMIT $6`,
      [
        query.afterSeq ?? '0',
        query.types?.length ? query.types : null,
        query.countries?.length ? query.countries : null,
        query.from?.toISOString() ?? null,
        query.to?.toISOString() ?? null,
        query.limit,
      ],
    );
    return rows.map((row) => ({
      ...(row as unknown as LoggedEvent),
      occurredAt: new Date(row.occurredAt as string).toISOString(),
      recordedAt: new Date(row.recordedAt as string).toISOString(),
    }));
  }

  /** The latest sequence number: a new stream without Last-Event-ID starts after it. */
  async lastSeq(): Promise<string> {
    const [{ seq }] = (await this.dataSource.query(`SELECT coalesce(max(seq), 0)::text AS seq FROM event_log`)) as Array<{ seq: string }>;
    return seq;
  }
}
