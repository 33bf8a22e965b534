import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables every service needs. Services list this migration next to their own,
 * so `migration:run` creates them in the service's own database.
 *
 * outbox: Debezium's columns (id, aggregate = partition key, event type, payload) plus the CloudEvents
 * attributes. A statement-level trigger NOTIFYs the relay, which PostgreSQL delivers only at commit:
 * the relay wakes as soon as the events are visible, and still polls in case a notification is missed.
 *
 * inbox: one row per (consumer group, source, event id) processed, written in the same transaction as
 * the projection change, which is what makes a redelivered event a no-op.
 */
export class MessagingTables1764316800000 implements MigrationInterface {
  name = 'MessagingTables1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        partition_key text NOT NULL,
        event_type text NOT NULL,
        source text NOT NULL,
        subject text,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL`);
    await queryRunner.query(`CREATE INDEX outbox_unsent_key_idx ON outbox (partition_key, id) WHERE sent_at IS NULL`);
    await queryRunner.query(`CREATE INDEX outbox_sent_at_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_events', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER outbox_notify_after_insert AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer_group text NOT NULL,
        event_source text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_source, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
    await queryRunner.query(`DROP TRIGGER outbox_notify_after_insert ON outbox`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
    await queryRunner.query(`DROP TABLE outbox`);
  }
}

export const OUTBOX_CHANNEL = 'outbox_events';
