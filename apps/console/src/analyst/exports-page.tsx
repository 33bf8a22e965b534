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

/** Downloads of the event log and the results report for a year (they need the token, so they are fetched). */
export function ExportsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

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
    </section>
  );
}
