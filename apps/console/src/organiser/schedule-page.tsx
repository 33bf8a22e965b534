import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, eventsApi, type ActivityKind, type ScheduleActivity } from '../api/events';
import { useSession } from '../session/session';
import { Outcome } from '../session/status';
import { useLoad } from '../session/use-load';

const PROGRAMME_KINDS = ['practical-workshop', 'panel-discussion', 'film-screening'] as const;

/** `datetime-local` gives a wall-clock time; the API wants an instant with its offset. */
function instantOf(local: string): string {
  return new Date(local).toISOString();
}

/** Schedule a workshop, festival or webinar of my organisation. */
export function SchedulePage() {
  const { t } = useTranslation();
  const account = useSession().account!;
  const [kind, setKind] = useState<ActivityKind>('workshop');
  const [outcome, setOutcome] = useState<{ ok?: string; error?: unknown }>({});
  const modules = useLoad(() => eventsApi.catalogueModules(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const startsAt = instantOf(String(form.get('startsAt')));
    const body: ScheduleActivity = {
      kind,
      title: String(form.get('title')),
      organiserId: text('organiserId') ?? account.organisationId ?? '',
      country: String(form.get('country')).toUpperCase(),
      timeZone: String(form.get('timeZone')),
      startsAt,
      endsAt: instantOf(String(form.get('endsAt'))),
      capacity: text('capacity') ? Number(form.get('capacity')) : undefined,
    };
    if (kind === 'workshop') {
      const [courseKey, moduleKey] = String(form.get('module')).split('/');
      Object.assign(body, {
        city: text('city'),
        venue: text('venue'),
        courseKey,
        moduleKey,
        lecturerIds: String(form.get('lecturerIds') ?? '').split(',').map((id) => id.trim()).filter(Boolean),
      });
    } else if (kind === 'festival') {
      Object.assign(body, {
        city: text('city'),
        venue: text('venue'),
        programme: [{ kind: String(form.get('programmeKind')), title: String(form.get('programmeTitle')), startsAt }],
      });
    } else {
      Object.assign(body, { topic: text('topic'), joinLink: text('joinLink') });
    }
    try {
      const activity = await eventsApi.schedule(body);
      setOutcome({ ok: t('organiser.scheduled', { title: activity.title }) });
      element.reset();
    } catch (error) {
      setOutcome({ error });
    }
  };

  return (
    <section>
      <h1>{t('organiser.scheduleTitle')}</h1>
      {!account.organisationId && <p className="notice">{t('organiser.noOrganisation')}</p>}
      <form onSubmit={(event) => void submit(event)} className="form">
        <label>
          {t('organiser.kind')}
          <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as ActivityKind)}>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('organiser.title')}
          <input name="title" required maxLength={300} />
        </label>
        {!account.organisationId && (
          <label>
            {t('accounts.organisation')}
            <input name="organiserId" required />
          </label>
        )}
        <label>
          {t('common.country')}
          <input name="country" required pattern="[A-Za-z]{2}" maxLength={2} defaultValue="SI" />
        </label>
        <label>
          {t('organiser.timeZone')}
          <input name="timeZone" required defaultValue={Intl.DateTimeFormat().resolvedOptions().timeZone} />
        </label>
        <label>
          {t('organiser.startsAt')}
          <input name="startsAt" type="datetime-local" required />
        </label>
        <label>
          {t('organiser.endsAt')}
          <input name="endsAt" type="datetime-local" required />
        </label>
        {kind !== 'webinar' && (
          <>
            <label>
              {t('organiser.city')}
              <input name="city" required maxLength={200} />
            </label>
            <label>
              {t('organiser.venue')}
              <input name="venue" required maxLength={300} />
            </label>
          </>
        )}
        {kind === 'workshop' && (
          <>
            <label>
              {t('organiser.module')}
              <select name="module" required>
                {modules.data?.modules.map((m) => (
                  <option key={`${m.courseKey}/${m.moduleKey}`} value={`${m.courseKey}/${m.moduleKey}`}>
                    {m.title ?? m.moduleKey}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('organiser.lecturers')}
              <input name="lecturerIds" required defaultValue={account.personId} />
            </label>
          </>
        )}
        {kind === 'festival' && (
          <fieldset>
            <legend>{t('organiser.programmeTitle')}</legend>
            <label>
              {t('organiser.programmeKind')}
              <select name="programmeKind">
                {PROGRAMME_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`organiser.programmeKinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('organiser.title')}
              <input name="programmeTitle" required maxLength={300} />
            </label>
          </fieldset>
        )}
        {kind === 'webinar' && (
          <>
            <label>
              {t('organiser.topic')}
              <input name="topic" required maxLength={300} />
            </label>
            <label>
              {t('organiser.joinLink')}
              <input name="joinLink" type="url" required />
            </label>
          </>
        )}
        <label>
          {t('organiser.capacity')}
          <input name="capacity" type="number" min={1} max={100000} />
        </label>
        <Outcome {...outcome} />
        <button type="submit">{t('organiser.submit')}</button>
      </form>
    </section>
  );
}
