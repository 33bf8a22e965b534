import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People erased at their request (from community's PersonErasedV1), and certificates whose holder was. */
export class Erasure1764921600000 implements MigrationInterface {
  name = 'Erasure1764921600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE erased_people (
        person_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE certificates ADD COLUMN holder_erased_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE certificates DROP COLUMN holder_erased_at`);
    await queryRunner.query(`DROP TABLE erased_people`);
  }
}
