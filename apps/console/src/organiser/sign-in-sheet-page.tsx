import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { eventsApi, type Activity, type SheetImportReport } from '../api/events';
import { Outcome } from '../session/status';
import { ActivityPicker } from './activity-picker';

/** Import a paper sign-in sheet typed into CSV and show what happened to each row. */
export function SignInSheetPage() {
  const { t } = useTranslation();
  const [activity, setActivity] = useState<Activity>();
  const [report, setReport] = useState<SheetImportReport>();
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const csv = file instanceof File && file.size > 0 ? await file.text() : String(form.get('csv') ?? '');
    setError(undefined);
    try {
      setReport(await eventsApi.importSheet(activity!.id, csv));
    } catch (failure) {
      setReport(undefined);
      setError(failure);
    }
  };

  return (
    <section>
      <h1>{t('organiser.sheetTitle')}</h1>
      <p>{t('organiser.sheetIntro')}</p>
      <form onSubmit={(event) => void submit(event)} className="form">
        <ActivityPicker value={activity?.id} onChange={setActivity} />
        <label>
          {t('organiser.sheetFile')}
          <input name="file" type="file" accept=".csv,text/csv" />
        </label>
        <label>
          {t('organiser.sheetText')}
          <textarea name="csv" rows={6} placeholder="name,email,organisation,country,role" />
        </label>
        <button type="submit" disabled={!activity}>
          {t('organiser.import')}
        </button>
      </form>
      <Outcome error={error} />
      {report && (
        <section aria-labelledby="sheet-report" className="card">
          <h2 id="sheet-report">{t('organiser.report')}</h2>
          <dl className="report-counts">
            <div>
              <dt>{t('organiser.rows')}</dt>
              <dd data-count="rows">{report.rows}</dd>
            </div>
            <div>
              <dt>{t('organiser.imported')}</dt>
              <dd data-count="imported">{report.imported}</dd>
            </div>
            <div>
              <dt>{t('organiser.alreadyRecorded')}</dt>
              <dd data-count="alreadyRecorded">{report.alreadyRecorded}</dd>
            </div>
          </dl>
          {report.rejected.length > 0 && (
            <table>
              <caption>{t('organiser.rejected')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organiser.line')}</th>
                  <th scope="col">{t('organiser.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <td>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.duplicates.length > 0 && (
            <table>
              <caption>{t('organiser.duplicates')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organiser.line')}</th>
                  <th scope="col">{t('organiser.sameAs')}</th>
                </tr>
              </thead>
              <tbody>
                {report.duplicates.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <td>{row.sameAs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}
