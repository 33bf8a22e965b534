import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { NotFoundError } from '@socialmakers/service-kit';
import { PersonNode } from './entities/person-node.entity';
import { NodeModuleProgress } from './entities/node-module-progress.entity';

@Injectable()
export class NetworkService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Marks the module on the person's node, creating the node on first sight. Idempotent by key. */
  async recordModuleCompletion(manager: EntityManager, completion: ModuleCompletedV1Payload, eventId: string): Promise<void> {
    await manager.query(
      `INSERT INTO person_nodes (person_id, country, first_seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET country = COALESCE(person_nodes.country, EXCLUDED.country)`,
      [completion.personId, completion.country ?? null, completion.completedAt],
    );
    await manager.query(
      `INSERT INTO node_module_progress (person_id, course_key, module_key, completed_at, event_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [completion.personId, completion.courseKey, completion.moduleKey, completion.completedAt, eventId],
    );
  }

  async node(personId: string): Promise<{ node: PersonNode; modules: NodeModuleProgress[] }> {
    const node = await this.dataSource.getRepository(PersonNode).findOneBy({ personId });
    if (!node) throw new NotFoundError('PERSON_NOT_IN_NETWORK', `No person ${personId} is in the network yet.`);
    const modules = await this.dataSource.getRepository(NodeModuleProgress).find({ where: { personId }, order: { completedAt: 'ASC' } });
    return { node, modules };
  }
}
