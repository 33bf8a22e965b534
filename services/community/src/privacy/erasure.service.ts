import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonErasedV1 } from '@socialmakers/contracts';
import { EventOutbox } from '@socialmakers/messaging';

/**
 * Erasure: the profile (name, contact details, free text) and introduction messages go; the node and
 * its ties stay as an anonymous id so that aggregates (indicators, counts) stay right; the node is
 * hidden from every view, match and path. The erasure event asks learning and events to do the same.
 *
 * Erasure is a right, not a lookup: a person community has never seen (they only enrolled, say, and
 * that event has not reached us) still gets an erased node, so the event goes out to the services that
 * do hold their data and a late event cannot make them visible here. Asking again answers the first
 * erasure and publishes nothing new.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  async erase(personId: string): Promise<{ personId: string; erasedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const erasedAt = new Date().toISOString();
      await manager.query(
        `INSERT INTO person_nodes (person_id, first_seen_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING`,
        [personId, erasedAt],
      );
      const [node] = await manager.query(`SELECT erased_at FROM person_nodes WHERE person_id = $1 FOR UPDATE`, [personId]);
      if (node.erased_at) return { personId, erasedAt: new Date(node.erased_at).toISOString() };
      await manager.query(`UPDATE stakeholder_profiles SET organisation_id = NULL WHERE organisation_id = $1`, [personId]);
      await manager.query(`DELETE FROM stakeholder_profiles WHERE person_id = $1`, [personId]);
      await manager.query(
        `UPDATE introductions SET message = NULL, status = CASE WHEN status = 'pending' THEN 'withdrawn' ELSE status END
          WHERE requester_id = $1 OR recipient_id = $1`,
        [personId],
      );
      await manager.query(`DELETE FROM introduction_caps WHERE person_id = $1`, [personId]);
      await manager.query(`UPDATE person_nodes SET erased_at = $2 WHERE person_id = $1`, [personId, erasedAt]);
      await this.outbox.publish(manager, PersonErasedV1.type, { personId, erasedAt });
      return { personId, erasedAt };
    });
  }
}
