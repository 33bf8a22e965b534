import Joi from 'joi';

/** Settings of the community service beyond the platform's base settings. */
export const communityConfigSchema = Joi.object({
  PORT: Joi.number().port().default(3003),
  SERVICE_NAME: Joi.string().default('community'),
  /** An introduction nobody answers closes after this many seconds (default 14 days). */
  INTRODUCTION_TTL_SECONDS: Joi.number().integer().min(1).default(14 * 24 * 3600),
  /** How often the expiry sweep runs. */
  INTRODUCTION_EXPIRY_SWEEP_MS: Joi.number().integer().min(100).default(60_000),
  /** Requests one person may send in a rolling 24 hours. */
  INTRODUCTION_DAILY_LIMIT: Joi.number().integer().min(1).default(10),
  /** Open (pending) requests one person may have unless an organiser set another cap for them. */
  INTRODUCTION_DEFAULT_MAX_OPEN: Joi.number().integer().min(0).default(5),
  /** Betweenness is exact up to this many nodes and sampled from this many pivots above it. */
  BETWEENNESS_SAMPLE: Joi.number().integer().min(1).default(64),
  /** Recompute metrics (and emit a snapshot) this often; 0 turns the schedule off. */
  METRICS_RECOMPUTE_MS: Joi.number().integer().min(0).default(0),
  /**
   * Where warm paths, common neighbours and the metrics read the graph: an in-memory index kept
   * current from PostgreSQL's change log (memory), or PostgreSQL per query (sql, the reference the
   * index is tested and benchmarked against; also what answers while the index loads).
   */
  GRAPH_INDEX: Joi.string().valid('memory', 'sql').default('memory'),
  /** How often the index reads the change log when nobody asks (every read asks first anyway). */
  GRAPH_INDEX_REFRESH_MS: Joi.number().integer().min(50).default(1000),
  /** Change-log rows older than this are deleted; an index that read nothing for half of it reloads. */
  GRAPH_CHANGES_RETENTION_SECONDS: Joi.number().integer().min(60).default(3600),
});
