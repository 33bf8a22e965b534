import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonErasedV1Payload } from '@socialmakers/contracts';
import { RegistrationService } from '../registration/registration.service';

/**
 * Erasure in the events service, in the consumer's transaction with its inbox row:
 * - sign-in rows and check-ins lose the name, organisation, country and role, and each moves to a
 *   random id of its own: headcounts, totals and held counts stay, and nothing leads back to the
 *   person (for people from sheets the id is a hash of their email, so it could);
 * - their certificates follow their attendance rows and remember when the holder was erased, so the
 *   public verification still confirms a certificate was issued, naming nobody;
 * - registrations: see RegistrationService.releaseErased; the Academy completions kept for waiting-
 *   list priority are deleted; the person leaves the lecturer lists of activities;
 * - the person id joins `erased_people`, so a completion dated before the erasure that learning's
 *   topic delivers later is not stored again (see erasedAtOrAfter).
 * Emails are never stored, so there are none to remove.
 */
@Injectable()
export class ErasureService {
  constructor(private readonly registrations: RegistrationService) {}

  async erase(manager: EntityManager, { personId, erasedAt }: PersonErasedV1Payload): Promise<void> {
    await manager.query(
      `INSERT INTO erased_people (person_id, erased_at) VALUES ($1, $2)
       ON CONFLICT (person_id) DO UPDATE SET erased_at = GREATEST(erased_people.erased_at, EXCLUDED.erased_at)`,
      [personId, erasedAt],
    );
    await this.registrations.releaseErased(manager, personId);
    await manager.query(
      `WITH anonymised AS (
         UPDATE attendances SET person_id = gen_random_uuid(), name = NULL, organisation = NULL, person_country = NULL, role = NULL
          WHERE person_id = $1
          RETURNING activity_id, person_id
       ), certificates_moved AS (
         UPDATE certificates c SET person_id = a.person_id, holder_erased_at = $2
           FROM anonymised a WHERE c.activity_id = a.activity_id AND c.person_id = $1
       ), completions_deleted AS (
         DELETE FROM module_completions WHERE person_id = $1
       )
       UPDATE activities SET lecturer_ids = array_remove(lecturer_ids, $1) WHERE $1 = ANY(lecturer_ids)`,
      [personId, erasedAt],
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
