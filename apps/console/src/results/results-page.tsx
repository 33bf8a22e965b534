import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { analyticsApi, type HeadlineFigures } from '../api/analytics';
import { useFormat } from '../i18n/format';

const REFRESH_SECONDS = 5;
const FIRST_YEAR = 2018;

/** The public results infographic: the headline figures of a year, refreshed while the page is open. */
export function ResultsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = params.get('year') ?? String(thisYear);
  const [figures, setFigures] = useState<HeadlineFigures>();
  const [updatedAt, setUpdatedAt] = useState<Date>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    let current = true;
    const load = () =>
      analyticsApi.headline(year).then(
        (headline) => {
          if (!current) return;
          setFigures(headline);
          setUpdatedAt(new Date());
          setError(undefined);
        },
        (failure: Error) => current && setError(failure),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_SECONDS * 1000);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [year]);

  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  return (
    <section>
      <h1>{t('results.title')}</h1>
      <p>{t('results.intro')}</p>
      <div className="toolbar">
        <label>
          {t('results.year')}{' '}
          <select value={year} onChange={(event) => setParams({ year: event.target.value })}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        <a href={`/api/analytics/results/infographic.html?year=${year}`}>{t('results.printable')}</a>
      </div>
      {error && (
        <p role="alert" className="notice error">
          {t('common.failed', { message: error.message })}
        </p>
      )}
      {!figures && !error && <p role="status">{t('common.loading')}</p>}
      {figures && (
        <>
          <ul className="figures" aria-live="polite">
            <li className="figure" data-figure="learners">
              <span className="figure-number">{format.number(figures.learnersEnrolled)}</span>
              <span className="figure-label">{t('results.learners')}</span>
            </li>
            <li className="figure" data-figure="workshops">
              <span className="figure-number">{format.number(figures.workshops.participants)}</span>
              <span className="figure-label">
                {t('results.workshops')}: {t('results.held', { count: figures.workshops.held })}, {t('results.participants', { count: figures.workshops.participants })}
              </span>
            </li>
            <li className="figure" data-figure="festivals">
              <span className="figure-number">{format.number(figures.festivals.visitors)}</span>
              <span className="figure-label">
                {t('results.festivals')}: {t('results.held', { count: figures.festivals.held })}, {t('results.visitors', { count: figures.festivals.visitors })}
              </span>
            </li>
            <li className="figure" data-figure="webinars">
              <span className="figure-number">{format.number(figures.webinars.participants)}</span>
              <span className="figure-label">
                {t('results.webinars')}: {t('results.held', { count: figures.webinars.held })}, {t('results.participants', { count: figures.webinars.participants })}
              </span>
            </li>
          </ul>
          <p className="hint">
            {t('results.live', { seconds: REFRESH_SECONDS })} {updatedAt && t('common.updatedAt', { time: format.time(updatedAt) })}
          </p>
          {figures.perCountry.length > 0 && (
            <table>
              <caption>{t('results.perCountry')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.country')}</th>
                  <th scope="col" className="number">{t('results.learnersColumn')}</th>
                  <th scope="col" className="number">{t('results.participantsColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.perCountry.map((row) => (
                  <tr key={row.country}>
                    <th scope="row">{format.country(row.country)}</th>
                    <td className="number">{format.number(row.learners)}</td>
                    <td className="number">{format.number(row.participants)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
