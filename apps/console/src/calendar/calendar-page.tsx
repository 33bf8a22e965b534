import ICAL from 'ical.js';
import { useTranslation } from 'react-i18next';
import { CALENDAR_PATH, eventsApi } from '../api/events';
import { useFormat } from '../i18n/format';
import { useLoad } from '../session/use-load';
import { LoadStatus } from '../session/status';

interface CalendarEntry {
  uid: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  location: string;
  cancelled: boolean;
  categories: string[];
}

/** The feed names each kind in a category (in English); the page shows the kind in the reader's language. */
const KIND_OF_CATEGORY: Record<string, string> = { 'Field workshop': 'workshop', Festival: 'festival', Webinar: 'webinar' };

/** Reads the public iCalendar feed, the same one people subscribe to, so the page and the feed never disagree. */
function entriesOf(feed: string): CalendarEntry[] {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      startsAt: event.startDate.toJSDate().toISOString(),
      endsAt: event.endDate.toJSDate().toISOString(),
      location: event.location ?? '',
      cancelled: component.getFirstPropertyValue('status') === 'CANCELLED',
      categories: component.getAllProperties('categories').flatMap((property) => property.getValues().map(String)),
    };
  });
}

export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(async () => entriesOf(await eventsApi.calendar()), []);
  const feedUrl = new URL(CALENDAR_PATH, window.location.origin).toString();
  return (
    <section>
      <h1>{t('calendar.title')}</h1>
      <p>{t('calendar.intro')}</p>
      <p>
        <a href={feedUrl.replace(/^https?:/, 'webcal:')}>{t('calendar.subscribe')}</a> <code className="feed-url">{feedUrl}</code>
      </p>
      <LoadStatus state={state} />
      {state.data?.length === 0 && <p>{t('calendar.empty')}</p>}
      {state.data && state.data.length > 0 && (
        <ul className="cards">
          {state.data.map((entry) => (
            <li key={entry.uid} className={entry.cancelled ? 'card cancelled' : 'card'}>
              <h2>{entry.summary}</h2>
              {entry.categories
                .filter((category) => KIND_OF_CATEGORY[category])
                .map((category) => (
                  <span key={category} className="badge">
                    {t(`kinds.${KIND_OF_CATEGORY[category]}`)}
                  </span>
                ))}
              <p>
                <time dateTime={entry.startsAt}>{format.dateTime(entry.startsAt)}</time> – <time dateTime={entry.endsAt}>{format.dateTime(entry.endsAt)}</time>
              </p>
              <p>
                {t('calendar.where')}: {entry.location}
              </p>
              {entry.cancelled && <p className="badge">{t('calendar.cancelled')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
