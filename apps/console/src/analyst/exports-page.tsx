import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { analyticsApi } from '../api/analytics';
import { Outcome } from '../session/status';
import { saveFile } from '../session/save-file';

const EXPORTS = [
  { label: 'analyst.eventsNdjson', path: 'exports/events.ndjson', file: 'events.ndjson' },
  { label: 'analyst.eventsCsv', path: 'exports/events.csv', file: 'events.csv' },
  { label: 'analyst.xapi', path: 'exports/xapi', file: 'xapi-statements.json' },
  { label: 'analyst.reportCsv', path: 'results/report.csv', file: 'results-report.csv' },
] as const;

/** Downloads of the event log and the results report for a year (they need the token, so they are fetched), and publishing a year's results. */
export function ExportsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const [published, setPublished] = useState<{ ok?: string; error?: unknown }>({});
  const publish = async () => {
    try {
      await analyticsApi.publish(year);
      setPublished({ ok: t('analyst.publishedYear', { year }) });
    } catch (failure) {
      setPublished({ error: failure });
    }
  };

  const download = async (path: string, file: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await analyticsApi.download(path, { year });
      saveFile(await response.blob(), `socialmakers-${year}-${file}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>{t('analyst.exportsTitle')}</h1>
      <p>{t('analyst.exportsIntro')}</p>
      <label>
        {t('analyst.year')}{' '}
        <input value={year} onChange={(event) => setYear(event.target.value)} inputMode="numeric" pattern="\d{4}" size={5} />
      </label>
      <div className="actions">
        {EXPORTS.map((item) => (
          <button key={item.path} type="button" disabled={busy} onClick={() => void download(item.path, item.file)}>
            {t(item.label)}
          </button>
        ))}
      </div>
      {busy && <p role="status">{t('analyst.downloading')}</p>}
      <Outcome error={error} />
      <h2>{t('analyst.publishTitle')}</h2>
      <p>{t('analyst.publishIntro')}</p>
      <button type="button" onClick={() => void publish()}>
        {t('analyst.publish', { year })}
      </button>
      <Outcome {...published} />
    </section>
  );
}
