import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `reach_people` keeps a person's rows per year, stage and country only: the people under "any stage"
 * ('*') and "any country" ('*') are counted from those rows (projections/reach.ts), which made the
 * table about a third of its size and its rebuild a plain aggregation. `reach_counts` is unchanged.
 */
export class ReachPeopleBaseRows1764921600000 implements MigrationInterface {
  name = 'ReachPeopleBaseRows1764921600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM reach_people WHERE stage = '*' OR country = '*'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The rows under '*', summed again from the person's rows (as the projector kept them before).
    await queryRunner.query(
      `INSERT INTO reach_people (person_id, year, stage, country, refs)
       SELECT person_id, year, CASE WHEN grouping(stage) = 1 THEN '*' ELSE stage END, CASE WHEN grouping(country) = 1 THEN '*' ELSE country END, sum(refs)
       FROM reach_people GROUP BY person_id, year, GROUPING SETS ((stage), (country), ())`,
    );
  }
}
