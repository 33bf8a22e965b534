import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stakeholder profiles, the facts the graph is derived from, the graph itself, introductions, metrics. */
export class StakeholderGraph1764576000000 implements MigrationInterface {
  name = 'StakeholderGraph1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person_nodes ADD COLUMN erased_at timestamptz`);
    await q.query(`ALTER TABLE node_module_progress ADD COLUMN country char(2)`);
    await q.query(`CREATE INDEX node_module_progress_cohort ON node_module_progress (course_key, module_key, date_trunc('month', completed_at AT TIME ZONE 'UTC'))`);
    await q.query(`
      CREATE TABLE stakeholder_profiles (
        person_id uuid PRIMARY KEY REFERENCES person_nodes (person_id) ON DELETE CASCADE,
        kind text NOT NULL,
        display_name text NOT NULL,
        organisation_id uuid REFERENCES person_nodes (person_id),
        country char(2) NOT NULL,
        languages text[] NOT NULL DEFAULT '{}',
        topics text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        seeks text[] NOT NULL DEFAULT '{}',
        offers text[] NOT NULL DEFAULT '{}',
        summary text,
        appears_in_matches boolean NOT NULL,
        attendance_visible boolean NOT NULL,
        contact_email text,
        contact_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stakeholder_profiles_matchable ON stakeholder_profiles (kind) WHERE appears_in_matches`);
    await q.query(`
      CREATE TABLE participations (
        activity_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES person_nodes (person_id) ON DELETE CASCADE,
        kind text NOT NULL,
        country char(2) NOT NULL,
        module_key text,
        attended_at timestamptz NOT NULL,
        event_id text NOT NULL,
        PRIMARY KEY (activity_id, person_id)
      )`);
    await q.query(`CREATE INDEX participations_person ON participations (person_id)`);
    await q.query(`
      CREATE TABLE graph_edges (
        source_id uuid NOT NULL,
        target_id uuid NOT NULL,
        type text NOT NULL,
        weight double precision NOT NULL,
        evidence_count integer NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        PRIMARY KEY (source_id, target_id, type),
        CHECK (source_id < target_id)
      )`);
    await q.query(`CREATE INDEX graph_edges_target ON graph_edges (target_id)`);
    await q.query(`
      CREATE TABLE edge_evidence (
        source_id uuid NOT NULL,
        target_id uuid NOT NULL,
        type text NOT NULL,
        context text NOT NULL,
        event_ids text[] NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (source_id, target_id, type, context)
      )`);
    await q.query(`
      CREATE TABLE introductions (
        introduction_id uuid PRIMARY KEY,
        requester_id uuid NOT NULL REFERENCES person_nodes (person_id),
        recipient_id uuid NOT NULL REFERENCES person_nodes (person_id),
        message text,
        status text NOT NULL,
        requested_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        answered_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX introductions_one_pending ON introductions (LEAST(requester_id, recipient_id), GREATEST(requester_id, recipient_id)) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX introductions_requester ON introductions (requester_id, requested_at)`);
    await q.query(`CREATE INDEX introductions_expiring ON introductions (expires_at) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE introduction_caps (
        person_id uuid PRIMARY KEY,
        max_open integer NOT NULL CHECK (max_open >= 0),
        set_by uuid NOT NULL,
        set_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE node_metrics (
        person_id uuid PRIMARY KEY,
        degree integer NOT NULL,
        weighted_degree double precision NOT NULL,
        betweenness double precision NOT NULL,
        community integer NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE network_snapshots (
        snapshot_id uuid PRIMARY KEY,
        computed_at timestamptz NOT NULL,
        nodes integer NOT NULL,
        edges integer NOT NULL,
        communities integer NOT NULL,
        betweenness_sample integer NOT NULL,
        duration_ms integer NOT NULL,
        countries jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['network_snapshots', 'node_metrics', 'introduction_caps', 'introductions', 'edge_evidence', 'graph_edges', 'participations', 'stakeholder_profiles']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX node_module_progress_cohort`);
    await q.query(`ALTER TABLE node_module_progress DROP COLUMN country`);
    await q.query(`ALTER TABLE person_nodes DROP COLUMN erased_at`);
  }
}
