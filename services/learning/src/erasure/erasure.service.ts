import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonErasedV1Payload } from '@socialmakers/contracts';

/**
 * Erasure in the Academy. Learning holds no names or contacts, but its rows tie a person id (for
 * people from sheets and imports, a hash of their email) to what they learned, so:
 * - the enrolments, module starts and completions, course completions and certificates that the
 *   statistics count move to one new random id, never stored next to the old one: every count and
 *   rate stays the same and nothing leads back to the person;
 * - certificates remember when their holder was erased, so the public verification still confirms
 *   that the certificate was issued;
 * - the attendance heard from the events service (only for the learner record) is deleted;
 * - the person id joins `erased_people`, so a fact about them dated before the erasure that arrives
 *   later (another topic has its own order) is not stored again; see erasedAtOrAfter.
 * One statement, in the consumer's transaction with its inbox row.
 */
@Injectable()
export class ErasureService {
  async erase(manager: EntityManager, erasure: PersonErasedV1Payload): Promise<void> {
    await manager.query(
      `WITH erased AS (
         INSERT INTO erased_people (person_id, erased_at) VALUES ($1, $3)
         ON CONFLICT (person_id) DO UPDATE SET erased_at = GREATEST(erased_people.erased_at, EXCLUDED.erased_at)
       ), moved_enrolments AS (UPDATE enrolments SET person_id = $2 WHERE person_id = $1),
       moved_starts AS (UPDATE module_starts SET person_id = $2 WHERE person_id = $1),
       moved_completions AS (UPDATE module_completions SET person_id = $2 WHERE person_id = $1),
       moved_course_completions AS (UPDATE course_completions SET person_id = $2 WHERE person_id = $1),
       moved_certificates AS (UPDATE certificates SET person_id = $2, holder_erased_at = $3 WHERE person_id = $1),
       deleted_attendances AS (DELETE FROM attendances WHERE person_id = $1)
       SELECT 1`,
      [erasure.personId, randomUUID(), erasure.erasedAt],
    );
  }
}

/**
 * SQL condition: the person (parameter `person`) was erased at or after `at`, so a fact about them
 * from then or before must not be stored. What they do after their erasure starts afresh, as their
 * profile does in community.
 */
export function erasedAtOrAfter(person: string, at: string): string {
  return `EXISTS (SELECT 1 FROM erased_people WHERE person_id = ${person} AND erased_at >= ${at})`;
}
