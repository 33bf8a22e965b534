import { useTranslation } from 'react-i18next';
import { communityApi } from '../api/community';
import { useSession } from '../session/session';
import { LoadStatus } from '../session/status';
import { useLoad } from '../session/use-load';
import { NetworkGraph } from './network-graph';

/** The network around me: a drawing for the eye and the same ties as a table for everyone. */
export function NetworkPage() {
  const { t } = useTranslation();
  const account = useSession().account!;
  const state = useLoad(() => communityApi.connections(account.personId), [account.personId]);
  const connections = state.data?.connections ?? [];
  return (
    <section>
      <h1>{t('network.title')}</h1>
      <p>{t('network.intro')}</p>
      <LoadStatus state={state} />
      {state.data && (
        <>
          <NetworkGraph me={account.personId} meLabel={t('network.you')} connections={connections} label={t('network.graph')} unnamed={t('network.unnamed')} />
          {connections.length === 0 ? (
            <p>{t('network.none')}</p>
          ) : (
            <table>
              <caption>{t('network.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.name')}</th>
                  <th scope="col">{t('network.kind')}</th>
                  <th scope="col">{t('network.tie')}</th>
                  <th scope="col" className="number">{t('network.weight')}</th>
                  <th scope="col" className="number">{t('network.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {connections.map((connection) => (
                  <tr key={`${connection.personId}-${connection.type}`}>
                    <th scope="row">{connection.displayName ?? t('network.unnamed')}</th>
                    <td>{connection.kind ? t(`profile.kinds.${connection.kind}`) : '–'}</td>
                    <td>{t(`network.tieTypes.${connection.type}`, { defaultValue: connection.type })}</td>
                    <td className="number">{connection.weight.toFixed(2)}</td>
                    <td className="number">{connection.evidenceCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {state.data.hiddenConnections > 0 && <p className="hint">{t('network.hidden', { count: state.data.hiddenConnections })}</p>}
        </>
      )}
    </section>
  );
}
