import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two costs of a rebuild's finish that bought nothing:
 * - the event types compare bytewise (COLLATE "C"), as the event ids do (EventLogKeyById): the
 *   index on (type, occurred_at) is built over every event at a rebuild's end, and the types share
 *   their first 17 characters, which the database's collation compared character by character.
 *   Equality, all the streams and exports ask of a type, is the same in either collation;
 * - no statistics on the events' data: `ANALYZE` spent more time on that column than on all the
 *   others together, and no query filters, joins or groups the log by its data as a whole.
 */
export class EventLogTypeBytewise1765094400000 implements MigrationInterface {
  name = 'EventLogTypeBytewise1765094400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE event_log ALTER COLUMN type TYPE text COLLATE "C", ALTER COLUMN data SET STATISTICS 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE event_log ALTER COLUMN type TYPE text COLLATE "default", ALTER COLUMN data SET STATISTICS -1`);
  }
}
