import { useTranslation } from 'react-i18next';
import type { ServiceOverview } from '../api/operations';
import { useFormat } from '../i18n/format';

type LagRow = ServiceOverview['consumerLag'][number];

/** Lag per consumer group at a glance, each group's partitions one click away (there are dozens). */
export function ConsumerLag({ rows }: { rows: LagRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = new Map<string, LagRow[]>();
  for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('operations.group')}</th>
            <th scope="col" className="number">{t('operations.lagColumn')}</th>
            <th scope="col" className="number">{t('operations.partitionsBehind')}</th>
          </tr>
        </thead>
        <tbody>
          {[...groups].map(([group, partitions]) => (
            <tr key={group} data-group={group}>
              <th scope="row">{group}</th>
              <td className="number">{format.number(partitions.reduce((sum, row) => sum + row.lag, 0))}</td>
              <td className="number">
                {partitions.filter((row) => row.lag > 0).length} / {partitions.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {[...groups].map(([group, partitions]) => (
        <details key={group} className="partitions">
          <summary>{t('operations.partitionsOf', { group })}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('operations.topic')}</th>
                <th scope="col" className="number">{t('operations.partition')}</th>
                <th scope="col" className="number">{t('operations.lagColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {[...partitions]
                .sort((a, b) => b.lag - a.lag || a.topic.localeCompare(b.topic) || a.partition - b.partition)
                .map((row) => (
                  <tr key={`${row.topic}-${row.partition}`}>
                    <td>
                      <code>{row.topic}</code>
                    </td>
                    <td className="number">{row.partition}</td>
                    <td className="number">{format.number(row.lag)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      ))}
    </>
  );
}
