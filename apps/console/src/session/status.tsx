import { useTranslation } from 'react-i18next';
import type { Loaded } from './use-load';

/** What a page shows while loading or after a failure, announced to screen readers. */
export function LoadStatus({ state }: { state: Loaded<unknown> }) {
  const { t } = useTranslation();
  if (state.error) {
    return (
      <div role="alert" className="notice error">
        {t('common.failed', { message: state.error.message })}{' '}
        <button type="button" onClick={state.reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (state.loading && state.data === undefined) return <p role="status">{t('common.loading')}</p>;
  return null;
}

/** The outcome of an action: a sentence, polite for success and assertive for an error. */
export function Outcome({ ok, error }: { ok?: string; error?: unknown }) {
  if (error) return <p role="alert" className="notice error">{(error as Error).message}</p>;
  if (ok) return <p role="status" className="notice ok">{ok}</p>;
  return null;
}
