import { useTranslation } from 'react-i18next';
import { operationsApi } from '../api/operations';
import { useFormat } from '../i18n/format';
import { LoadStatus } from '../session/status';
import { useLoad } from '../session/use-load';
import { ConsumerLag } from './consumer-lag';
import { DeadLetters } from './dead-letters';

/** The operator's view: each service's health, consumer lag per group and partition, outbox backlog, dead letters. */
export function OperationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(() => operationsApi.overview(), []);
  const lag = state.data?.services.flatMap((service) => service.consumerLag.map((row) => ({ ...row, service: service.service }))) ?? [];
  return (
    <section>
      <h1>{t('operations.title')}</h1>
      <button type="button" onClick={state.reload}>
        {t('common.refresh')}
      </button>
      <LoadStatus state={state} />
      {state.data && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('operations.service')}</th>
                <th scope="col">{t('operations.health')}</th>
                <th scope="col" className="number">{t('operations.outbox')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.services.map((service) => {
                const healthy = service.status === 'up';
                return (
                  <tr key={service.service} data-service={service.service}>
                    <th scope="row">{service.service}</th>
                    <td>
                      <span className={healthy ? 'badge ok' : 'badge bad'}>{t(`operations.${service.status}`)}</span>{' '}
                      {Object.entries(service.health?.details ?? {}).map(([name, detail]) => (
                        <span key={name} className="hint">
                          {name}: {detail.status === 'up' ? t('operations.up') : t('operations.down')}{' '}
                        </span>
                      ))}
                    </td>
                    <td className="number">{service.outboxBacklog === null ? '–' : format.number(service.outboxBacklog)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h2>{t('operations.lag')}</h2>
          {lag.length === 0 ? <p>{t('operations.noLag')}</p> : <ConsumerLag rows={lag} />}
        </>
      )}
      <DeadLetters />
    </section>
  );
}
