import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotFoundError } from '@socialmakers/service-kit';
import { AnalyticsErrorCode, BadQueryError } from '../common/bad-query.error';
import { parsePeriod, type Period } from '../common/period';
import type { PublicationView } from './dto/publication.view';

interface PeriodQuery {
  year?: string;
  from?: string;
  to?: string;
}

const givesPeriod = (query: PeriodQuery) => query.year !== undefined || query.from !== undefined || query.to !== undefined;

interface PublicationRow {
  publication_id: string;
  period_from: string;
  period_to: string;
  published_at: Date;
  published_by: string;
}

const view = (row: PublicationRow): PublicationView => ({
  publicationId: row.publication_id,
  period: { from: row.period_from, to: row.period_to },
  publishedAt: new Date(row.published_at).toISOString(),
  publishedBy: row.published_by,
});

const COLUMNS = `publication_id, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, published_at, published_by`;

/**
 * What the public sees: the periods an analyst or admin published. The public infographic and headline
 * figures show the latest publication, or a published period asked for by name; the figures are
 * read from the projections when asked, so a rebuild or late events keep them true. Publishing the
 * same period again makes it the latest.
 */
@Injectable()
export class PublicationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async publish(query: PeriodQuery, publishedBy: string): Promise<PublicationView> {
    if (!givesPeriod(query)) {
      throw new BadQueryError(AnalyticsErrorCode.BadPeriod, 'Give the period to publish: a year such as 2018, or the from and to days.');
    }
    const period = parsePeriod(query, new Date().getUTCFullYear());
    const [row]: PublicationRow[] = await this.dataSource.query(
      `INSERT INTO report_publications (publication_id, period_from, period_to, published_at, published_by)
       VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (period_from, period_to) DO UPDATE SET published_at = now(), published_by = excluded.published_by
       RETURNING ${COLUMNS}`,
      [randomUUID(), period.label.from, period.label.to, publishedBy],
    );
    return view(row);
  }

  async list(): Promise<PublicationView[]> {
    const rows: PublicationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM report_publications ORDER BY published_at DESC, publication_id`);
    return rows.map(view);
  }

  /** The period the public may see: the one asked for if it is published, else the latest publication. */
  async publishedPeriod(query: PeriodQuery): Promise<Period> {
    if (givesPeriod(query)) {
      const period = parsePeriod(query, new Date().getUTCFullYear());
      const [row] = await this.dataSource.query(`SELECT 1 FROM report_publications WHERE period_from = $1 AND period_to = $2`, [period.label.from, period.label.to]);
      if (!row) {
        throw new NotFoundError(
          AnalyticsErrorCode.NotPublished,
          `The results for ${period.label.from} to ${period.label.to} are not published; see GET /results/headline for the latest published figures.`,
        );
      }
      return period;
    }
    const [latest]: PublicationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM report_publications ORDER BY published_at DESC, publication_id LIMIT 1`);
    if (!latest) throw new NotFoundError(AnalyticsErrorCode.NotPublished, 'No results have been published yet; an analyst publishes a period first.');
    return parsePeriod({ from: latest.period_from, to: latest.period_to }, 0);
  }
}
