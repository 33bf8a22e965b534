import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StakeholderRole } from '@socialmakers/contracts';
import { ConflictError, NotFoundError } from '@socialmakers/service-kit';
import { EdgeType } from '../graph/edge-weight';
import { GraphIndexService } from '../graph/graph-index.service';
import { MEETS, type Seek } from '../stakeholders/vocabulary';
import { preRankCandidates } from './candidate-pre-rank';
import { explainMatch, type SharedActivity } from './match-explanation';
import { closeness, geography, readiness, round3, topicFit, totalScore, type MatchProfile } from './match-score';
import type { MatchesView, MatchView } from './dto/match.view';

export const MatchErrorCode = {
  UnknownPerson: 'PERSON_NOT_IN_NETWORK',
  NotAnInnovator: 'NOT_AN_INNOVATOR',
  NoConsent: 'MATCHING_CONSENT_WITHHELD',
} as const;

/** Candidates scored per request: the best pre-filtered by shared topics, needs met, country and ties. */
const CANDIDATE_POOL = 500;

interface CandidateRow {
  person_id: string;
  kind: string;
  display_name: string;
  country: string;
  languages: string[];
  topics: string[];
  tags: string[];
  seeks: string[];
  offers: string[];
  attendance_visible: boolean;
}

@Injectable()
export class MatchmakingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graphIndex: GraphIndexService,
  ) {}

  async matches(personId: string, kinds: string[], limit: number): Promise<MatchesView> {
    // The index reads the change log on a connection of its own while the profile queries run.
    const indexRead = this.graphIndex.current();
    indexRead.catch(() => undefined);
    const me = await this.innovator(personId);
    const [progress, neighbours]: [Array<{ module_key: string }>, Array<{ other: string; type: string; weight: number }>] = await Promise.all([
      this.dataSource.query(`SELECT module_key FROM node_module_progress WHERE person_id = $1`, [personId]),
      this.dataSource.query(
        `SELECT target_id AS other, type, weight FROM graph_edges WHERE source_id = $1
         UNION ALL SELECT source_id, type, weight FROM graph_edges WHERE target_id = $1`,
        [personId],
      ),
    ]);
    const modules = progress.map((r) => r.module_key);
    const direct = new Map<string, number>();
    const connected = new Set<string>();
    for (const n of neighbours) {
      direct.set(n.other, (direct.get(n.other) ?? 0) + n.weight);
      if (n.type === EdgeType.Connected) connected.add(n.other);
    }
    const neighbourIds = [...direct.keys()];
    const wantedOffers = [...new Set(me.seeks.flatMap((s) => MEETS[s as Seek] ?? []))];
    const index = await indexRead;
    const candidates = index
      ? await this.candidatesByIds(preRankCandidates(index.matchable(kinds, personId), { topics: me.topics, wantedOffers, country: me.country, neighbourIds: new Set(neighbourIds) }, CANDIDATE_POOL), kinds)
      : await this.preRankedCandidates(personId, kinds, me, wantedOffers, neighbourIds);
    if (candidates.length === 0) return { personId, kinds, matches: [] };
    const candidateIds = candidates.map((c) => c.person_id);
    const common = index ? index.commonNeighbourDegrees(personId, candidateIds) : await this.commonNeighbours(neighbourIds, candidateIds);

    const scored = candidates.map((c) => {
      const other = toProfile(c);
      const fit = topicFit(me, other);
      const ready = readiness(modules, c.kind);
      const close = closeness(direct.get(c.person_id) ?? 0, common.get(c.person_id) ?? []);
      const geo = geography(me, other);
      const parts = { topicFit: round3(fit.value), readiness: round3(ready.value), closeness: round3(close.value), geography: round3(geo.value) };
      return { c, other, fit, ready, geo, parts, score: totalScore(parts) };
    });
    scored.sort((a, b) => b.score - a.score || a.c.person_id.localeCompare(b.c.person_id));
    const top = scored.slice(0, limit);

    const shared = await this.sharedFacts(personId, me.attendanceVisible, top.map((t) => t.c));
    const matches: MatchView[] = top.map((t) => ({
      personId: t.c.person_id,
      displayName: t.c.display_name,
      kind: t.c.kind,
      country: t.c.country,
      score: t.score,
      parts: t.parts,
      explanation: explainMatch({
        other: t.other,
        fit: t.fit,
        readiness: t.ready,
        sharedActivities: shared.activities.get(t.c.person_id) ?? [],
        sharedCohortModules: shared.cohorts.get(t.c.person_id) ?? [],
        commonNeighbours: (common.get(t.c.person_id) ?? []).length,
        connected: connected.has(t.c.person_id),
        sameCountry: t.geo.sameCountry,
      }),
    }));
    return { personId, kinds, matches };
  }

  private async innovator(personId: string): Promise<MatchProfile & { attendanceVisible: boolean }> {
    const [row]: Array<Partial<CandidateRow> & { erased_at: Date | null; appears_in_matches: boolean | null }> = await this.dataSource.query(
      `SELECT n.erased_at, p.* FROM person_nodes n LEFT JOIN stakeholder_profiles p USING (person_id) WHERE n.person_id = $1`,
      [personId],
    );
    if (!row || row.erased_at) throw new NotFoundError(MatchErrorCode.UnknownPerson, `No person ${personId} is in the network.`);
    if (row.kind !== StakeholderRole.Innovator) {
      throw new ConflictError(
        MatchErrorCode.NotAnInnovator,
        row.kind
          ? `Matchmaking is for innovators, and this profile is ${/^[aeiou]/.test(row.kind) ? 'an' : 'a'} ${row.kind}; change the profile's kind to innovator to get matches.`
          : 'Matchmaking is for innovators, and this person has no stakeholder profile yet; fill one in as an innovator first.',
      );
    }
    if (!row.appears_in_matches) {
      throw new ConflictError(
        MatchErrorCode.NoConsent,
        'This profile does not take part in matchmaking; allow it to appear in matches to see matches yourself.',
      );
    }
    return { ...toProfile(row as CandidateRow), attendanceVisible: row.attendance_visible ?? false };
  }

  /**
   * The candidates' profiles, read again from PostgreSQL: whoever stopped appearing in matches since the
   * index's read drops out here.
   */
  private async candidatesByIds(ids: string[], kinds: string[]): Promise<CandidateRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT p.person_id, p.kind, p.display_name, p.country, p.languages, p.topics, p.tags, p.seeks, p.offers, p.attendance_visible
         FROM stakeholder_profiles p WHERE p.person_id = ANY($1) AND p.appears_in_matches AND p.kind = ANY($2)`,
      [ids, kinds],
    );
  }

  /**
   * The pre-rank in PostgreSQL (GRAPH_INDEX=sql; preRankCandidates is its in-memory twin). Erased people
   * have no profile, so the profile table alone says who may appear. It is cheap on purpose (array
   * overlaps, not intersections): it only picks whom to score in full.
   */
  private async preRankedCandidates(personId: string, kinds: string[], me: MatchProfile, wantedOffers: string[], neighbourIds: string[]): Promise<CandidateRow[]> {
    return this.dataSource.query(
      `SELECT p.person_id, p.kind, p.display_name, p.country, p.languages, p.topics, p.tags, p.seeks, p.offers, p.attendance_visible
         FROM stakeholder_profiles p
        WHERE p.appears_in_matches AND p.kind = ANY($1) AND p.person_id <> $2
        ORDER BY ((p.topics && $3::text[])::int * 2 + (p.offers && $4::text[])::int * 2 + (p.country = $5)::int + (p.person_id = ANY($6::uuid[]))::int * 3) DESC,
                 p.person_id
        LIMIT ${CANDIDATE_POOL}`,
      [kinds, personId, me.topics, wantedOffers, me.country, neighbourIds],
    );
  }

  /**
   * For each candidate, the degrees of the neighbours it shares with the innovator (for Adamic-Adar),
   * in PostgreSQL: what GRAPH_INDEX=sql uses, and the reference for GraphIndex.commonNeighbourDegrees.
   */
  private async commonNeighbours(neighbourIds: string[], candidateIds: string[]): Promise<Map<string, number[]>> {
    const result = new Map<string, number[]>();
    if (neighbourIds.length === 0) return result;
    const rows: Array<{ candidate: string; degree: number }> = await this.dataSource.query(
      `WITH links AS (
         SELECT DISTINCT source_id AS z, target_id AS c FROM graph_edges WHERE source_id = ANY($1) AND target_id = ANY($2)
         UNION SELECT DISTINCT target_id, source_id FROM graph_edges WHERE target_id = ANY($1) AND source_id = ANY($2)
       ), degrees AS (
         SELECT z, count(DISTINCT other)::int AS degree FROM (
           SELECT source_id AS z, target_id AS other FROM graph_edges WHERE source_id IN (SELECT z FROM links)
           UNION ALL SELECT target_id, source_id FROM graph_edges WHERE target_id IN (SELECT z FROM links)) d GROUP BY z
       )
       SELECT l.c AS candidate, d.degree FROM links l JOIN degrees d USING (z)`,
      [neighbourIds, candidateIds],
    );
    for (const row of rows) result.set(row.candidate, [...(result.get(row.candidate) ?? []), row.degree]);
    return result;
  }

  /** What the innovator and each candidate did together, as far as both let others see it. */
  private async sharedFacts(
    personId: string,
    mineVisible: boolean,
    others: CandidateRow[],
  ): Promise<{ activities: Map<string, SharedActivity[]>; cohorts: Map<string, string[]> }> {
    const activities = new Map<string, SharedActivity[]>();
    const cohorts = new Map<string, string[]>();
    const visible = others.filter((o) => o.attendance_visible).map((o) => o.person_id);
    if (!mineVisible || visible.length === 0) return { activities, cohorts };
    const [rows, cohortRows]: [Array<{ other: string; kind: string; country: string; attended_at: Date }>, Array<{ other: string; context: string }>] = await Promise.all([
      this.dataSource.query(
        `SELECT b.person_id AS other, a.kind, a.country, a.attended_at FROM participations a JOIN participations b USING (activity_id)
          WHERE a.person_id = $1 AND b.person_id = ANY($2)`,
        [personId, visible],
      ),
      this.dataSource.query(
        `SELECT CASE WHEN source_id = $1 THEN target_id ELSE source_id END AS other, context FROM edge_evidence
          WHERE type = $3 AND ((source_id = $1 AND target_id = ANY($2)) OR (target_id = $1 AND source_id = ANY($2)))`,
        [personId, visible, EdgeType.SameCohort],
      ),
    ]);
    for (const r of rows) {
      activities.set(r.other, [...(activities.get(r.other) ?? []), { kind: r.kind, country: r.country, attendedAt: new Date(r.attended_at).toISOString() }]);
    }
    for (const r of cohortRows) {
      const moduleKey = r.context.split('/')[1];
      cohorts.set(r.other, [...(cohorts.get(r.other) ?? []), moduleKey]);
    }
    return { activities, cohorts };
  }
}

function toProfile(row: CandidateRow): MatchProfile {
  return {
    personId: row.person_id,
    kind: row.kind,
    displayName: row.display_name,
    country: row.country,
    languages: row.languages ?? [],
    topics: row.topics ?? [],
    tags: row.tags ?? [],
    seeks: row.seeks ?? [],
    offers: row.offers ?? [],
  };
}
