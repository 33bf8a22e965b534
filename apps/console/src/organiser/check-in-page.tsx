import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { communityApi } from '../api/community';
import { eventsApi, type Activity } from '../api/events';
import { useFormat } from '../i18n/format';
import { LoadStatus, Outcome } from '../session/status';
import { useAction } from '../session/use-action';
import { useLoad } from '../session/use-load';
import { ActivityPicker } from './activity-picker';

/** Check registered people in (or anyone by person id), see who attended, and record that it was held. */
export function CheckInPage() {
  const { t } = useTranslation();
  const [activity, setActivity] = useState<Activity>();
  return (
    <section>
      <h1>{t('organiser.checkInTitle')}</h1>
      <div className="form">
        <ActivityPicker value={activity?.id} onChange={setActivity} />
      </div>
      {activity && <Attendance key={activity.id} activity={activity} />}
    </section>
  );
}

function Attendance({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(async () => {
    const [registrations, attendances] = await Promise.all([eventsApi.registrations(activity.id), eventsApi.attendances(activity.id)]);
    // Names come from the people's stakeholder profiles, where they have one.
    const profiles = await Promise.all(registrations.map((r) => communityApi.profile(r.personId).catch(() => undefined)));
    const names = new Map(registrations.map((r, i) => [r.personId, profiles[i]?.displayName]));
    return { registrations, attendances, names, present: new Set(attendances.participants.map((a) => a.personId)) };
  }, [activity.id]);
  const { outcome, act } = useAction(state.reload);
  const [held, setHeld] = useState(activity.status === 'held');
  const checkInById = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const personId = String(new FormData(element).get('personId')).trim();
    void act(() => eventsApi.checkIn(activity.id, personId)).then((done) => done && element.reset());
  };

  return (
    <>
      <LoadStatus state={state} />
      <Outcome {...outcome} />
      {state.data && (
        <>
          <p>{t('organiser.attendance', { named: state.data.attendances.participantCount, walkIns: state.data.attendances.walkIns })}</p>
          <h2>{t('organiser.registrations')}</h2>
          {state.data.registrations.length === 0 ? (
            <p>{t('organiser.noRegistrations')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('network.name')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.when')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('organiser.checkIn')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.data.registrations.map((registration) => (
                  <tr key={registration.id}>
                    <th scope="row">
                      {state.data!.names.get(registration.personId) ?? <code>{registration.personId}</code>}
                    </th>
                    <td>{registration.status === 'waitlisted' ? t('activities.waitlisted', { position: registration.waitlistPosition ?? '?' }) : t('activities.confirmed')}</td>
                    <td>{format.dateTime(registration.registeredAt)}</td>
                    <td>
                      {state.data!.present.has(registration.personId) ? (
                        <span className="badge">{t('organiser.checkedIn')}</span>
                      ) : (
                        <button type="button" onClick={() => void act(() => eventsApi.checkIn(activity.id, registration.personId))} aria-label={`${t('organiser.checkIn')}: ${state.data!.names.get(registration.personId) ?? registration.personId}`}>
                          {t('organiser.checkIn')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form onSubmit={checkInById} className="form inline">
            <label>
              {t('organiser.checkInById')}
              <input name="personId" required pattern="[0-9a-fA-F-]{36}" />
            </label>
            <button type="submit">{t('organiser.checkIn')}</button>
          </form>
          <p>
            {held ? (
              <span className="badge">{t('organiser.held')}</span>
            ) : (
              <button type="button" onClick={() => void act(async () => setHeld((await eventsApi.markHeld(activity.id)).status === 'held'))}>
                {t('organiser.markHeld')}
              </button>
            )}
          </p>
        </>
      )}
    </>
  );
}
