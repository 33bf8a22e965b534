import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change log of the graph for the in-memory index (graph/graph-index.service.ts): which pairs of
 * people had an edge written or removed, and which people had their node or profile (kind, country,
 * consent, erasure) changed. Written by triggers, so every writer is covered (event consumers, commands,
 * the rebuild, a bulk load) in the writer's own transaction. Rows carry the writing transaction's id:
 * a reader that re-reads everything from transactions not yet finished at its previous read misses
 * nothing, whatever order transactions commit in. The log says only *what* changed; the index re-reads
 * the current rows, so applying a change twice or out of order gives the same index.
 */
export class GraphChanges1764835200000 implements MigrationInterface {
  name = 'GraphChanges1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE graph_changes (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        person_id uuid NOT NULL,
        other_id uuid,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON COLUMN graph_changes.other_id IS 'set: the edges between person_id and other_id changed; null: the person (node or profile) changed'`);
    await q.query(`CREATE INDEX graph_changes_txid ON graph_changes (txid)`);
    await q.query(`
      CREATE FUNCTION graph_changes_log_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO graph_changes (person_id, other_id) SELECT DISTINCT source_id, target_id FROM changed_rows;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION graph_changes_log_people() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO graph_changes (person_id) SELECT DISTINCT person_id FROM changed_rows;
        RETURN NULL;
      END $$`);
    // Transition tables allow one event per trigger, hence three triggers per table.
    for (const [table, fn] of [
      ['graph_edges', 'graph_changes_log_pairs'],
      ['stakeholder_profiles', 'graph_changes_log_people'],
      ['person_nodes', 'graph_changes_log_people'],
    ]) {
      await q.query(`CREATE TRIGGER ${table}_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_updated AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    // How long each phase of a metrics recompute took (load, betweenness, communities, indicators, store).
    await q.query(`ALTER TABLE network_snapshots ADD COLUMN phase_ms jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE network_snapshots DROP COLUMN phase_ms`);
    for (const table of ['graph_edges', 'stakeholder_profiles', 'person_nodes']) {
      for (const event of ['inserted', 'updated', 'deleted']) await q.query(`DROP TRIGGER ${table}_${event} ON ${table}`);
    }
    await q.query(`DROP FUNCTION graph_changes_log_people()`);
    await q.query(`DROP FUNCTION graph_changes_log_pairs()`);
    await q.query(`DROP TABLE graph_changes`);
  }
}
