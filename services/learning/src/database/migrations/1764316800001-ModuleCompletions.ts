import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ModuleCompletions1764316800001 implements MigrationInterface {
  name = 'ModuleCompletions1764316800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE module_completions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        module_key text NOT NULL,
        country char(2),
        score smallint CHECK (score BETWEEN 0 AND 100),
        completed_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX module_completions_person_module_idx ON module_completions (person_id, course_key, module_key)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE module_completions`);
  }
}
