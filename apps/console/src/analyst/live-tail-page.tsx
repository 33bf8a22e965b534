import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tailEvents, type StreamedEvent } from '../api/analytics';
import { useFormat } from '../i18n/format';

const KEEP = 200;
type State = 'idle' | 'open' | 'reconnecting' | 'failed';

/** A live tail of the event stream (analytics' server-sent events), filtered by type and country. */
export function LiveTailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [events, setEvents] = useState<StreamedEvent[]>([]);
  const [received, setReceived] = useState(0);
  const [state, setState] = useState<State>('idle');
  const [failure, setFailure] = useState<string>();
  const stop = useRef<() => void>(undefined);

  useEffect(() => () => stop.current?.(), []);

  const start = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const clean = (name: string) => String(form.get(name) ?? '').replace(/\s+/g, '') || undefined;
    stop.current?.();
    setFailure(undefined);
    stop.current = tailEvents(
      { type: clean('type'), country: clean('country')?.toUpperCase() },
      (streamed) => {
        setReceived((n) => n + 1);
        setEvents((list) => [streamed, ...list].slice(0, KEEP));
      },
      (next, error) => {
        setState(next);
        if (error) setFailure((error as Error).message);
      },
    );
  };
  const halt = () => {
    stop.current?.();
    stop.current = undefined;
    setState('idle');
  };

  return (
    <section>
      <h1>{t('analyst.tailTitle')}</h1>
      <p>{t('analyst.tailIntro')}</p>
      <form onSubmit={start} className="form inline">
        <label>
          {t('analyst.types')}
          <input name="type" placeholder="org.socialmakers.events.attendance.recorded.v1" />
        </label>
        <label>
          {t('analyst.countries')}
          <input name="country" placeholder="SI,AT" />
        </label>
        <div className="actions">
          <button type="submit">{t('analyst.start')}</button>
          <button type="button" className="secondary" onClick={halt} disabled={state === 'idle'}>
            {t('analyst.stop')}
          </button>
          <button type="button" className="secondary" onClick={() => setEvents([])}>
            {t('analyst.clear')}
          </button>
        </div>
      </form>
      <p role="status" className="stream-state" data-state={state}>
        {t(`analyst.state.${state}`)} · {t('analyst.received', { count: received })}
      </p>
      {failure && (
        <p role="alert" className="notice error">
          {failure}
        </p>
      )}
      <div className="table-scroll">
        <table className="events">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('analyst.type')}</th>
              <th scope="col">{t('common.country')}</th>
              <th scope="col">{t('analyst.subject')}</th>
              <th scope="col">{t('analyst.occurredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.seq}>
                <td>{event.seq}</td>
                <td>
                  <details>
                    <summary>{event.type}</summary>
                    <pre>{JSON.stringify(event.data, null, 2)}</pre>
                  </details>
                </td>
                <td>{event.country ?? '–'}</td>
                <td>
                  <code>{event.subject ?? '–'}</code>
                </td>
                <td>{format.dateTime(event.occurredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
