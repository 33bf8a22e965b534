import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonNodes1764316800001 implements MigrationInterface {
  name = 'PersonNodes1764316800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE person_nodes (
        person_id uuid PRIMARY KEY,
        country char(2),
        first_seen_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE node_module_progress (
        person_id uuid NOT NULL REFERENCES person_nodes (person_id) ON DELETE CASCADE,
        course_key text NOT NULL,
        module_key text NOT NULL,
        completed_at timestamptz NOT NULL,
        event_id text NOT NULL,
        PRIMARY KEY (person_id, course_key, module_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE node_module_progress`);
    await queryRunner.query(`DROP TABLE person_nodes`);
  }
}
