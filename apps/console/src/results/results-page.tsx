import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { analyticsApi, type HeadlineFigures } from '../api/analytics';
import { useFormat } from '../i18n/format';
import { LoadStatus } from '../session/status';
import { useLoad } from '../session/use-load';

const REFRESH_SECONDS = 5;

/**
 * The public results infographic: the figures of a period an analyst published (the latest by
 * default), computed live from the event streams and refreshed while the page is open.
 */
export function ResultsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('from') && params.get('to') ? { from: params.get('from')!, to: params.get('to')! } : undefined;
  const published = useLoad(() => analyticsApi.published(), []);
  const [figures, setFigures] = useState<HeadlineFigures>();
  const [updatedAt, setUpdatedAt] = useState<Date>();
  const [error, setError] = useState<Error>();
  const nothingPublished = published.data?.length === 0;

  useEffect(() => {
    if (nothingPublished) return;
    let current = true;
    const load = () =>
      analyticsApi.headline(chosen).then(
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
    // The period is its two strings; the object is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen?.from, chosen?.to, nothingPublished]);

  const periodLabel = ({ from, to }: { from: string; to: string }) =>
    from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${format.date(from)} – ${format.date(to)}`;
  const shown = figures?.period ?? chosen;
  const infographic = shown ? `/api/analytics/results/infographic.html?from=${shown.from}&to=${shown.to}` : '/api/analytics/results/infographic.html';
  return (
    <section>
      <h1>{t('results.title')}</h1>
      <p>{t('results.intro')}</p>
      <LoadStatus state={published} />
      {nothingPublished && <p className="notice">{t('results.nothingPublished')}</p>}
      {published.data && published.data.length > 0 && (
        <div className="toolbar">
          <label>
            {t('results.period')}{' '}
            <select
              value={shown ? `${shown.from}/${shown.to}` : ''}
              onChange={(event) => {
                const [from, to] = event.target.value.split('/');
                setParams({ from, to });
              }}
            >
              {published.data.map(({ period }) => (
                <option key={`${period.from}/${period.to}`} value={`${period.from}/${period.to}`}>
                  {periodLabel(period)}
                </option>
              ))}
            </select>
          </label>
          <a href={infographic}>{t('results.printable')}</a>
        </div>
      )}
      {error && (
        <p role="alert" className="notice error">
          {t('common.failed', { message: error.message })}
        </p>
      )}
      {!figures && !error && !nothingPublished && published.data && <p role="status">{t('common.loading')}</p>}
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
