import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ACTIVITY_COLUMNS, type Activity } from '../activities/activity';
import type { CalendarQueryDto } from './calendar-query.dto';
import { renderCalendar, type CalendarEntry } from './icalendar';

const KIND_NAMES: Record<string, string> = { workshop: 'Field workshop', festival: 'Festival', webinar: 'Webinar' };

@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Scheduled and cancelled activities still to end: a cancelled one stays in the feed as
   * STATUS:CANCELLED so subscribed calendars strike it out instead of silently keeping it.
   * Webinar join links are not in this public feed; registered participants get them from the API.
   */
  async feed(query: CalendarQueryDto): Promise<string> {
    const activities: Activity[] = await this.dataSource.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM activities
        WHERE ends_at > $1 AND status IN ('scheduled', 'cancelled')
          AND ($2::text[] IS NULL OR country = ANY($2)) AND ($3::text[] IS NULL OR kind = ANY($3))
        ORDER BY starts_at, id LIMIT 2000`,
      [query.from ?? new Date().toISOString(), query.country ?? null, query.kind ?? null],
    );
    const name = ['Social(i)Makers activities', query.country?.join(', '), query.kind?.join(', ')].filter(Boolean).join(' – ');
    return renderCalendar(name, activities.map(entryOf));
  }
}

function entryOf(activity: Activity): CalendarEntry {
  const description = [
    KIND_NAMES[activity.kind],
    activity.moduleKey ? `Deepens the Academy module: ${activity.moduleKey}` : undefined,
    activity.topic ? `Topic: ${activity.topic}` : undefined,
    ...activity.programme.map((item) => `${new Date(item.startsAt).toISOString().slice(11, 16)} UTC ${item.kind}: ${item.title}`),
    activity.cancelReason ? `Cancelled: ${activity.cancelReason}` : undefined,
  ].filter(Boolean);
  return {
    uid: `${activity.id}@events.socialmakers`,
    summary: activity.title,
    startsAt: new Date(activity.startsAt),
    endsAt: new Date(activity.endsAt),
    status: activity.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    location: activity.kind === 'webinar' ? 'Online' : [activity.venue, activity.city, activity.country].filter(Boolean).join(', '),
    description: description.join('\n'),
    categories: [KIND_NAMES[activity.kind], activity.country],
    lastModified: new Date(activity.cancelledAt ?? activity.createdAt),
  };
}
