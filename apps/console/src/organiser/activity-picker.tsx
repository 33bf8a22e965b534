import { useTranslation } from 'react-i18next';
import { eventsApi, type Activity } from '../api/events';
import { useFormat } from '../i18n/format';
import { useSession } from '../session/session';
import { LoadStatus } from '../session/status';
import { useLoad } from '../session/use-load';

/** The activities of my organisation (all of them for an admin without one), to pick one to work on. */
export function ActivityPicker({ value, onChange }: { value?: string; onChange: (activity: Activity | undefined) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const organisationId = useSession().account!.organisationId;
  const state = useLoad(async () => (await eventsApi.activities({ organiserId: organisationId })).sort((a, b) => b.startsAt.localeCompare(a.startsAt)), [organisationId]);
  return (
    <>
      <LoadStatus state={state} />
      <label>
        {t('organiser.activity')}
        <select value={value ?? ''} onChange={(event) => onChange(state.data?.find((activity) => activity.id === event.target.value))}>
          <option value="">{t('organiser.chooseActivity')}</option>
          {state.data?.map((activity) => (
            <option key={activity.id} value={activity.id}>
              {activity.title} · {format.dateTime(activity.startsAt, activity.timeZone)} · {t(`kinds.${activity.kind}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
