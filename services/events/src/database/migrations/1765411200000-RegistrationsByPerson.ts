import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's registrations are read by person (GET /people/:personId/registrations, erasure); the unique key leads with the activity. */
export class RegistrationsByPerson1765411200000 implements MigrationInterface {
  name = 'RegistrationsByPerson1765411200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX registrations_person ON registrations (person_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX registrations_person`);
  }
}
