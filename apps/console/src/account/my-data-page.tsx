import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operationsApi } from '../api/operations';
import { useSession } from '../session/session';
import { Outcome } from '../session/status';
import { saveFile } from '../session/save-file';

/** Portability and erasure: the member's own data across the services. */
export function MyDataPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [outcome, setOutcome] = useState<{ ok?: string; error?: unknown }>({});

  const download = async () => {
    try {
      const data = await operationsApi.myData();
      saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), 'socialmakers-my-data.json');
      setOutcome({});
    } catch (error) {
      setOutcome({ error });
    }
  };
  const signOutEverywhere = async () => {
    try {
      await operationsApi.signOutEverywhere();
      await session.signOut();
    } catch (error) {
      setOutcome({ error });
    }
  };
  const erase = async () => {
    if (!window.confirm(t('myData.confirmErase'))) return;
    try {
      await operationsApi.requestErasure();
      setOutcome({ ok: t('myData.erasureRequested') });
      await session.signOut();
    } catch (error) {
      setOutcome({ error });
    }
  };

  return (
    <section>
      <h1>{t('myData.title')}</h1>
      <p>{t('myData.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => void download()}>
          {t('myData.download')}
        </button>
        <button type="button" onClick={() => void signOutEverywhere()}>
          {t('myData.signOutEverywhere')}
        </button>
        <button type="button" className="danger" onClick={() => void erase()}>
          {t('myData.erase')}
        </button>
      </div>
      <Outcome {...outcome} />
    </section>
  );
}
