import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { communityApi, type Introduction } from '../api/community';
import { useFormat } from '../i18n/format';
import { useSession } from '../session/session';
import { LoadStatus, Outcome } from '../session/status';
import { useAction } from '../session/use-action';
import { useLoad } from '../session/use-load';

/** Introductions I asked for and those asked of me; the recipient accepts or declines. */
export function IntroductionsPage() {
  const { t } = useTranslation();
  const personId = useSession().account!.personId;
  const state = useLoad(async () => {
    const { introductions } = await communityApi.introductions();
    const others = [...new Set(introductions.map((i) => (i.requesterId === personId ? i.recipientId : i.requesterId)))];
    const profiles = await Promise.all(others.map((id) => communityApi.profile(id).catch(() => undefined)));
    const names = new Map(others.map((id, n) => [id, profiles[n]?.displayName ?? t('network.unnamed')]));
    return { introductions, names };
  }, [personId]);
  const { outcome, act: answer } = useAction(state.reload);

  const received = state.data?.introductions.filter((i) => i.recipientId === personId) ?? [];
  const sent = state.data?.introductions.filter((i) => i.requesterId === personId) ?? [];
  const nameOf = (id: string) => state.data?.names.get(id) ?? id;
  return (
    <section>
      <h1>{t('introductions.title')}</h1>
      <LoadStatus state={state} />
      <Outcome {...outcome} />
      <h2>{t('introductions.received')}</h2>
      <IntroductionList
        me={personId}
        introductions={received}
        label={(i) => t('introductions.from', { name: nameOf(i.requesterId) })}
        actions={(i) =>
          i.status === 'pending' && (
            <div className="actions">
              <button type="button" onClick={() => void answer(() => communityApi.accept(i.id))}>
                {t('introductions.accept')}
              </button>
              <button type="button" className="secondary" onClick={() => void answer(() => communityApi.decline(i.id))}>
                {t('introductions.decline')}
              </button>
            </div>
          )
        }
      />
      <h2>{t('introductions.sent')}</h2>
      <IntroductionList me={personId} introductions={sent} label={(i) => t('introductions.to', { name: nameOf(i.recipientId) })} />
    </section>
  );
}

function IntroductionList({
  me,
  introductions,
  label,
  actions,
}: {
  me: string;
  introductions: Introduction[];
  label: (introduction: Introduction) => string;
  actions?: (introduction: Introduction) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (introductions.length === 0) return <p>{t('introductions.none')}</p>;
  return (
    <ul className="cards">
      {introductions.map((introduction) => {
        // Once accepted, each side sees the other's contact.
        const other = introduction.contacts && (introduction.requesterId === me ? introduction.contacts.recipient : introduction.contacts.requester);
        return (
          <li key={introduction.id} className="card introduction" aria-labelledby={`introduction-${introduction.id}`}>
            <h3 id={`introduction-${introduction.id}`}>{label(introduction)}</h3>
            <p>
              <span className={`badge status-${introduction.status}`}>{t(`introductions.status.${introduction.status}`)}</span>{' '}
              <time dateTime={introduction.requestedAt}>{format.date(introduction.requestedAt)}</time>
            </p>
            {introduction.message && <blockquote>{introduction.message}</blockquote>}
            {introduction.status === 'pending' && <p className="hint">{t('introductions.expires', { date: format.date(introduction.expiresAt) })}</p>}
            {other && (
              <p>
                {t('introductions.contacts', { email: other.email ?? '', phone: other.phone ?? '' })}
              </p>
            )}
            {actions?.(introduction)}
          </li>
        );
      })}
    </ul>
  );
}
