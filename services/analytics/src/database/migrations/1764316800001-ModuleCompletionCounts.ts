import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ModuleCompletionCounts1764316800001 implements MigrationInterface {
  name = 'ModuleCompletionCounts1764316800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE module_completion_counts (
        course_key text NOT NULL,
        module_key text NOT NULL,
        country text NOT NULL,
        completions integer NOT NULL CHECK (completions >= 0),
        PRIMARY KEY (course_key, module_key, country)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE module_completion_counts`);
  }
}
