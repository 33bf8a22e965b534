import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ConnectionFormedV1, IntroductionAcceptedV1, IntroductionDeclinedV1, IntroductionExpiredV1, IntroductionRequestedV1 } from '@socialmakers/contracts';
import { EventOutbox } from '@socialmakers/messaging';
import { ConflictError, NotFoundError, TooManyRequestsError } from '@socialmakers/service-kit';
import { returnedRows } from '../common/returned-rows';
import { GraphProjectionService } from '../graph/graph-projection.service';
import type { IntroductionView } from './dto/introduction.view';
import type { RequestIntroductionDto } from './dto/request-introduction.dto';

export const IntroductionErrorCode = {
  NotFound: 'INTRODUCTION_NOT_FOUND',
  UnknownRecipient: 'RECIPIENT_NOT_FOUND',
  ProfileRequired: 'PROFILE_REQUIRED',
  ToSelf: 'INTRODUCTION_TO_SELF',
  DuplicatePending: 'INTRODUCTION_ALREADY_PENDING',
  AlreadyConnected: 'ALREADY_CONNECTED',
  Closed: 'INTRODUCTION_CLOSED',
  NotRecipient: 'NOT_THE_RECIPIENT',
  RateLimited: 'INTRODUCTION_RATE_LIMITED',
  OpenCap: 'OPEN_REQUEST_CAP_REACHED',
} as const;

interface IntroductionRow {
  introduction_id: string;
  requester_id: string;
  recipient_id: string;
  message: string | null;
  status: string;
  requested_at: Date;
  expires_at: Date;
  answered_at: Date | null;
}

@Injectable()
export class IntroductionsService {
  private readonly ttlSeconds: number;
  private readonly dailyLimit: number;
  private readonly defaultMaxOpen: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly graph: GraphProjectionService,
    config: ConfigService,
  ) {
    this.ttlSeconds = Number(config.get('INTRODUCTION_TTL_SECONDS'));
    this.dailyLimit = Number(config.get('INTRODUCTION_DAILY_LIMIT'));
    this.defaultMaxOpen = Number(config.get('INTRODUCTION_DEFAULT_MAX_OPEN'));
  }

  async request(requesterId: string, dto: RequestIntroductionDto): Promise<IntroductionView> {
    if (dto.recipientId === requesterId) throw new ConflictError(IntroductionErrorCode.ToSelf, 'You cannot ask to be introduced to yourself.');
    return this.dataSource.transaction(async (manager) => {
      // One requester's requests are checked and written one at a time, so limits hold under concurrency.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`introductions:${requesterId}`]);
      const parties: Array<{ person_id: string; appears_in_matches: boolean }> = await manager.query(
        `SELECT p.person_id, p.appears_in_matches FROM stakeholder_profiles p JOIN person_nodes n USING (person_id)
          WHERE p.person_id = ANY($1) AND n.erased_at IS NULL`,
        [[requesterId, dto.recipientId]],
      );
      if (!parties.some((p) => p.person_id === requesterId)) {
        throw new ConflictError(IntroductionErrorCode.ProfileRequired, 'Fill in your stakeholder profile (with contact details) before asking for introductions.');
      }
      const recipient = parties.find((p) => p.person_id === dto.recipientId);
      if (!recipient || !recipient.appears_in_matches) {
        throw new NotFoundError(IntroductionErrorCode.UnknownRecipient, `No stakeholder ${dto.recipientId} takes introductions.`);
      }
      const [state] = await manager.query(
        `SELECT
           count(*) FILTER (WHERE status = 'pending' AND ((requester_id = $1 AND recipient_id = $2) OR (requester_id = $2 AND recipient_id = $1)))::int AS duplicate,
           count(*) FILTER (WHERE status = 'accepted' AND ((requester_id = $1 AND recipient_id = $2) OR (requester_id = $2 AND recipient_id = $1)))::int AS connected,
           count(*) FILTER (WHERE requester_id = $1 AND requested_at > now() - interval '24 hours')::int AS last_day,
           count(*) FILTER (WHERE requester_id = $1 AND status = 'pending')::int AS open,
           (SELECT max_open FROM introduction_caps WHERE person_id = $1) AS cap
         FROM introductions WHERE requester_id IN ($1, $2) OR recipient_id IN ($1, $2)`,
        [requesterId, dto.recipientId],
      );
      if (state.duplicate > 0) throw new ConflictError(IntroductionErrorCode.DuplicatePending, 'An introduction between you two is already waiting for an answer.');
      if (state.connected > 0) throw new ConflictError(IntroductionErrorCode.AlreadyConnected, 'You two are already introduced; find the contact details in the accepted introduction.');
      if (state.last_day >= this.dailyLimit) {
        throw new TooManyRequestsError(IntroductionErrorCode.RateLimited, `You may ask for ${this.dailyLimit} introductions a day; try again tomorrow.`);
      }
      const cap = state.cap ?? this.defaultMaxOpen;
      if (state.open >= cap) {
        throw new ConflictError(
          IntroductionErrorCode.OpenCap,
          `You have ${state.open} open introduction requests and may have at most ${cap}; wait for answers or for requests to expire.`,
        );
      }
      const now = new Date();
      const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000);
      const id = randomUUID();
      const [row]: IntroductionRow[] = await manager.query(
        `INSERT INTO introductions (introduction_id, requester_id, recipient_id, message, status, requested_at, expires_at)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING *`,
        [id, requesterId, dto.recipientId, dto.message.trim(), now.toISOString(), expiresAt.toISOString()],
      );
      await this.outbox.publish(manager, IntroductionRequestedV1.type, {
        introductionId: id,
        requesterId,
        recipientId: dto.recipientId,
        occurredAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      return toView(row);
    });
  }

  async answer(actorId: string, id: string, accept: boolean): Promise<IntroductionView> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: IntroductionRow[] = await manager.query(`SELECT * FROM introductions WHERE introduction_id = $1 FOR UPDATE`, [id]);
      if (!row || (row.requester_id !== actorId && row.recipient_id !== actorId)) {
        throw new NotFoundError(IntroductionErrorCode.NotFound, `No introduction ${id} concerns you.`);
      }
      if (row.recipient_id !== actorId) throw new ConflictError(IntroductionErrorCode.NotRecipient, 'Only the person asked can answer an introduction request.');
      if (row.status !== 'pending' || new Date(row.expires_at) <= new Date()) {
        throw new ConflictError(IntroductionErrorCode.Closed, `This introduction is ${row.status === 'pending' ? 'expired' : row.status} and can no longer be answered.`);
      }
      const now = new Date().toISOString();
      const [updated] = returnedRows<IntroductionRow>(
        await manager.query(`UPDATE introductions SET status = $2, answered_at = $3 WHERE introduction_id = $1 RETURNING *`, [id, accept ? 'accepted' : 'declined', now]),
      );
      const event = { introductionId: id, requesterId: row.requester_id, recipientId: row.recipient_id, occurredAt: now };
      if (accept) {
        const accepted = await this.outbox.publish(manager, IntroductionAcceptedV1.type, event);
        await this.outbox.publish(manager, ConnectionFormedV1.type, {
          connectionId: id,
          personId: row.requester_id,
          otherPersonId: row.recipient_id,
          via: 'introduction',
          introductionId: id,
          formedAt: now,
        });
        await this.graph.addConnection(manager, row.requester_id, row.recipient_id, id, accepted.id, now);
        return this.withContacts(manager, updated);
      }
      await this.outbox.publish(manager, IntroductionDeclinedV1.type, event);
      return toView(updated);
    });
  }

  async get(actorId: string, id: string, privileged: boolean): Promise<IntroductionView> {
    const [row]: IntroductionRow[] = await this.dataSource.query(`SELECT * FROM introductions WHERE introduction_id = $1`, [id]);
    if (!row || (!privileged && row.requester_id !== actorId && row.recipient_id !== actorId)) {
      throw new NotFoundError(IntroductionErrorCode.NotFound, `No introduction ${id} concerns you.`);
    }
    return row.status === 'accepted' ? this.withContacts(this.dataSource.manager, row) : toView(row);
  }

  async list(actorId: string): Promise<IntroductionView[]> {
    const rows: IntroductionRow[] = await this.dataSource.query(
      `SELECT * FROM introductions WHERE requester_id = $1 OR recipient_id = $1 ORDER BY requested_at DESC LIMIT 200`,
      [actorId],
    );
    return Promise.all(rows.map((r) => (r.status === 'accepted' ? this.withContacts(this.dataSource.manager, r) : toView(r))));
  }

  async setCap(personId: string, maxOpen: number, setBy: string): Promise<{ personId: string; maxOpen: number }> {
    await this.dataSource.query(
      `INSERT INTO introduction_caps (person_id, max_open, set_by, set_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (person_id) DO UPDATE SET max_open = EXCLUDED.max_open, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
      [personId, maxOpen, setBy],
    );
    return { personId, maxOpen };
  }

  /** Closes unanswered requests whose time is up, each with an event. Safe with several instances. */
  async expireDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = returnedRows<IntroductionRow>(
        await manager.query(
        `UPDATE introductions SET status = 'expired', answered_at = now()
          WHERE introduction_id IN (SELECT introduction_id FROM introductions WHERE status = 'pending' AND expires_at <= now()
                                    ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED)
          RETURNING *`,
        ),
      );
      if (rows.length === 0) return 0;
      const now = new Date().toISOString();
      await this.outbox.publishAll(
        manager,
        rows.map((r) => ({
          type: IntroductionExpiredV1.type,
          payload: { introductionId: r.introduction_id, requesterId: r.requester_id, recipientId: r.recipient_id, occurredAt: now },
        })),
      );
      return rows.length;
    });
  }

  private async withContacts(manager: EntityManager, row: IntroductionRow): Promise<IntroductionView> {
    const contacts: Array<{ person_id: string; contact_email: string | null; contact_phone: string | null }> = await manager.query(
      `SELECT person_id, contact_email, contact_phone FROM stakeholder_profiles WHERE person_id = ANY($1)`,
      [[row.requester_id, row.recipient_id]],
    );
    const of = (personId: string) => {
      const c = contacts.find((x) => x.person_id === personId);
      return { email: c?.contact_email ?? null, phone: c?.contact_phone ?? null };
    };
    return { ...toView(row), contacts: { requester: of(row.requester_id), recipient: of(row.recipient_id) } };
  }
}

function toView(row: IntroductionRow): IntroductionView {
  return {
    id: row.introduction_id,
    requesterId: row.requester_id,
    recipientId: row.recipient_id,
    message: row.message,
    status: row.status,
    requestedAt: new Date(row.requested_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
  };
}
