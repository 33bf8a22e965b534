import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StakeholderRegisteredV1, StakeholderRole, StakeholderUpdatedV1 } from '@socialmakers/contracts';
import { EventOutbox } from '@socialmakers/messaging';
import { NotFoundError, UnprocessableError } from '@socialmakers/service-kit';
import { GraphProjectionService } from '../graph/graph-projection.service';
import type { UpsertStakeholderDto } from './dto/upsert-stakeholder.dto';
import type { StakeholderView } from './dto/stakeholder.view';

export const StakeholderErrorCode = {
  NotFound: 'STAKEHOLDER_NOT_FOUND',
  UnknownOrganisation: 'UNKNOWN_ORGANISATION',
} as const;

export interface ProfileRow {
  person_id: string;
  kind: StakeholderRole;
  display_name: string;
  organisation_id: string | null;
  country: string;
  languages: string[];
  topics: string[];
  tags: string[];
  seeks: string[];
  offers: string[];
  summary: string | null;
  appears_in_matches: boolean;
  attendance_visible: boolean;
  contact_email: string | null;
  contact_phone: string | null;
  updated_at: Date;
}

@Injectable()
export class StakeholdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly graph: GraphProjectionService,
  ) {}

  /** Creates or replaces a profile. The node is the one events may have created already. */
  async upsert(personId: string, dto: UpsertStakeholderDto): Promise<{ created: boolean; view: StakeholderView }> {
    if (dto.organisationId === personId) {
      throw new UnprocessableError(StakeholderErrorCode.UnknownOrganisation, 'A profile cannot be a member of itself; give the id of a partner organisation.');
    }
    return this.dataSource.transaction(async (manager) => {
      if (dto.organisationId) {
        const [org] = await manager.query(`SELECT kind FROM stakeholder_profiles WHERE person_id = $1`, [dto.organisationId]);
        if (!org || org.kind !== StakeholderRole.Partner) {
          throw new UnprocessableError(
            StakeholderErrorCode.UnknownOrganisation,
            `No partner organisation ${dto.organisationId} has a profile; create the organisation's profile first (kind partner-organisation).`,
          );
        }
      }
      const now = new Date().toISOString();
      // The same profile again (a reload, a retry) changes nothing and publishes nothing.
      const [existing]: ProfileRow[] = await manager.query(
        `SELECT p.* FROM stakeholder_profiles p JOIN person_nodes n USING (person_id) WHERE p.person_id = $1 AND n.erased_at IS NULL FOR UPDATE OF p`,
        [personId],
      );
      if (existing && sameProfile(existing, dto)) return { created: false, view: toView(existing, true) };
      await this.graph.ensureNode(manager, personId, dto.country, now);
      await manager.query(`UPDATE person_nodes SET erased_at = NULL WHERE person_id = $1`, [personId]);
      const [row]: Array<ProfileRow & { created: boolean }> = await manager.query(
        `INSERT INTO stakeholder_profiles (person_id, kind, display_name, organisation_id, country, languages, topics, tags, seeks, offers, summary,
                                           appears_in_matches, attendance_visible, contact_email, contact_phone, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
         ON CONFLICT (person_id) DO UPDATE SET kind = EXCLUDED.kind, display_name = EXCLUDED.display_name, organisation_id = EXCLUDED.organisation_id,
           country = EXCLUDED.country, languages = EXCLUDED.languages, topics = EXCLUDED.topics, tags = EXCLUDED.tags, seeks = EXCLUDED.seeks,
           offers = EXCLUDED.offers, summary = EXCLUDED.summary, appears_in_matches = EXCLUDED.appears_in_matches,
           attendance_visible = EXCLUDED.attendance_visible, contact_email = EXCLUDED.contact_email, contact_phone = EXCLUDED.contact_phone,
           updated_at = EXCLUDED.updated_at
         RETURNING *, (xmax = 0) AS created`,
        [
          personId,
          dto.kind,
          dto.displayName.trim(),
          dto.organisationId ?? null,
          dto.country,
          unique(dto.languages),
          unique(dto.topics),
          unique(dto.tags ?? []),
          unique(dto.seeks ?? []),
          unique(dto.offers ?? []),
          dto.summary ?? null,
          dto.appearsInMatches,
          dto.attendanceVisible,
          dto.contactEmail ?? null,
          dto.contactPhone ?? null,
          now,
        ],
      );
      const payload = {
        personId,
        kind: row.kind,
        country: row.country,
        languages: row.languages,
        topics: row.topics,
        seeks: row.seeks,
        offers: row.offers,
        appearsInMatches: row.appears_in_matches,
        occurredAt: now,
      };
      const envelope = row.created
        ? await this.outbox.publish(manager, StakeholderRegisteredV1.type, payload)
        : await this.outbox.publish(manager, StakeholderUpdatedV1.type, payload);
      await this.graph.setMembership(manager, personId, row.organisation_id, envelope.id, now);
      return { created: row.created, view: toView(row, true) };
    });
  }

  /**
   * A profile as the viewer may see it: people who do not appear in matches are visible only to
   * themselves, admins and the people they were introduced to; contact details only after an
   * accepted introduction.
   */
  async view(personId: string, viewerId: string, privileged: boolean): Promise<StakeholderView> {
    const row = await this.profile(this.dataSource.manager, personId);
    const self = viewerId === personId;
    const introduced = !self && !privileged && (await this.introducedTo(viewerId, personId));
    if (!row || (!row.appears_in_matches && !self && !privileged && !introduced)) {
      throw new NotFoundError(StakeholderErrorCode.NotFound, `No stakeholder profile ${personId} is visible to you.`);
    }
    return toView(row, self || privileged || introduced);
  }

  async profile(manager: EntityManager, personId: string): Promise<ProfileRow | undefined> {
    const [row] = await manager.query(
      `SELECT p.* FROM stakeholder_profiles p JOIN person_nodes n USING (person_id) WHERE p.person_id = $1 AND n.erased_at IS NULL`,
      [personId],
    );
    return row;
  }

  private async introducedTo(a: string, b: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM introductions WHERE status = 'accepted' AND ((requester_id = $1 AND recipient_id = $2) OR (requester_id = $2 AND recipient_id = $1)) LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }
}

export function toView(row: ProfileRow, withContact: boolean): StakeholderView {
  return {
    personId: row.person_id,
    kind: row.kind,
    displayName: row.display_name,
    country: row.country,
    languages: row.languages,
    topics: row.topics,
    tags: row.tags,
    seeks: row.seeks,
    offers: row.offers,
    summary: row.summary,
    organisationId: row.organisation_id,
    appearsInMatches: row.appears_in_matches,
    attendanceVisible: row.attendance_visible,
    ...(withContact ? { contact: { email: row.contact_email, phone: row.contact_phone } } : {}),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function sameProfile(row: ProfileRow, dto: UpsertStakeholderDto): boolean {
  const asStored = (r: Record<string, unknown>) => JSON.stringify(r);
  return (
    asStored({
      kind: row.kind,
      displayName: row.display_name,
      organisationId: row.organisation_id,
      country: row.country,
      languages: row.languages,
      topics: row.topics,
      tags: row.tags,
      seeks: row.seeks,
      offers: row.offers,
      summary: row.summary,
      appearsInMatches: row.appears_in_matches,
      attendanceVisible: row.attendance_visible,
      contactEmail: row.contact_email,
      contactPhone: row.contact_phone,
    }) ===
    asStored({
      kind: dto.kind,
      displayName: dto.displayName.trim(),
      organisationId: dto.organisationId ?? null,
      country: dto.country,
      languages: unique(dto.languages),
      topics: unique(dto.topics),
      tags: unique(dto.tags ?? []),
      seeks: unique(dto.seeks ?? []),
      offers: unique(dto.offers ?? []),
      summary: dto.summary ?? null,
      appearsInMatches: dto.appearsInMatches,
      attendanceVisible: dto.attendanceVisible,
      contactEmail: dto.contactEmail ?? null,
      contactPhone: dto.contactPhone ?? null,
    })
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
