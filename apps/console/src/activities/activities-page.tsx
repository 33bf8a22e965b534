import { useTranslation } from 'react-i18next';
import { eventsApi, type Activity, type Registration } from '../api/events';
import { useFormat } from '../i18n/format';
import { useSession } from '../session/session';
import { LoadStatus, Outcome } from '../session/status';
import { useAction } from '../session/use-action';
import { useLoad } from '../session/use-load';

/**
 * Activities open for registration and my registrations: the upcoming activities and all of my
 * registrations (one call to the events service each), matched by activity.
 */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const personId = useSession().account!.personId;
  const state = useLoad(async () => {
    const [scheduled, registrations] = await Promise.all([eventsApi.activities({ status: 'scheduled' }), eventsApi.registrationsOf(personId)]);
    const byActivity = new Map(registrations.map((registration) => [registration.activityId, registration]));
    return scheduled
      .filter((activity) => new Date(activity.endsAt).getTime() > Date.now())
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((activity) => ({ activity, registration: byActivity.get(activity.id) }));
  }, [personId]);
  const { outcome, act } = useAction(state.reload);

  const statusOf = (registration: Registration) =>
    registration.status === 'confirmed'
      ? t('activities.confirmed')
      : registration.status === 'waitlisted'
        ? t('activities.waitlisted', { position: registration.waitlistPosition ?? '?' })
        : t('activities.cancelledRegistration');

  const card = ({ activity, registration }: { activity: Activity; registration?: Registration }) => {
    const active = registration && registration.status !== 'cancelled';
    return (
      <li key={activity.id} className="card" aria-labelledby={`activity-${activity.id}`}>
        <h3 id={`activity-${activity.id}`}>{activity.title}</h3>
        <p>
          <span className="badge">{t(`kinds.${activity.kind}`)}</span> {format.country(activity.country)}
          {activity.city ? `, ${activity.city}` : ''}
        </p>
        <p>
          <time dateTime={activity.startsAt}>{format.dateTime(activity.startsAt, activity.timeZone)}</time>
          {activity.capacity ? ` · ${t('activities.seats', { capacity: activity.capacity })}` : ''}
        </p>
        {registration && <p className="registration-status">{statusOf(registration)}</p>}
        {active ? (
          <button type="button" className="secondary" onClick={() => void act(() => eventsApi.cancelRegistration(activity.id, personId))}>
            {t('activities.cancel')}
          </button>
        ) : (
          <button type="button" onClick={() => void act(() => eventsApi.register(activity.id))}>
            {t('activities.register')}
          </button>
        )}
      </li>
    );
  };

  const mine = state.data?.filter((entry) => entry.registration && entry.registration.status !== 'cancelled') ?? [];
  const others = state.data?.filter((entry) => !mine.includes(entry)) ?? [];
  return (
    <section>
      <h1>{t('activities.title')}</h1>
      <LoadStatus state={state} />
      <Outcome {...outcome} />
      {state.data && (
        <>
          <h2>{t('activities.mine')}</h2>
          {mine.length === 0 ? <p>{t('activities.noneMine')}</p> : <ul className="cards">{mine.map(card)}</ul>}
          <h2>{t('activities.upcoming')}</h2>
          {others.length === 0 ? <p>{t('activities.noneUpcoming')}</p> : <ul className="cards">{others.map(card)}</ul>}
        </>
      )}
    </section>
  );
}
