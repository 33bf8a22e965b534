import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { communityApi, type Match } from '../api/community';
import { useFormat } from '../i18n/format';
import { useSession } from '../session/session';
import { LoadStatus, Outcome } from '../session/status';
import { useLoad } from '../session/use-load';

const PARTS = ['topicFit', 'readiness', 'closeness', 'geography'] as const;

/** My matches with their score parts and the sentence that explains them, and a way to ask for an introduction. */
export function MatchesPage() {
  const { t } = useTranslation();
  const personId = useSession().account!.personId;
  const state = useLoad(async () => {
    const profile = await communityApi.profile(personId);
    return { profile, matches: profile ? (await communityApi.matches(personId)).matches : [] };
  }, [personId]);

  return (
    <section>
      <h1>{t('matches.title')}</h1>
      <p>{t('matches.intro')}</p>
      <LoadStatus state={state} />
      {state.data && !state.data.profile && (
        <p>
          {t('matches.needProfile')} <Link to="/profile">{t('nav.profile')}</Link>
        </p>
      )}
      {state.data?.profile && state.data.matches.length === 0 && <p>{t('matches.none')}</p>}
      <ul className="cards">
        {state.data?.matches.map((match) => (
          <MatchCard key={match.personId} match={match} />
        ))}
      </ul>
    </section>
  );
}

function MatchCard({ match }: { match: Match }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<{ ok?: string; error?: unknown }>({});
  const headingId = `match-${match.personId}`;

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const message = String(new FormData(event.currentTarget).get('message'));
    try {
      await communityApi.requestIntroduction(match.personId, message);
      setOutcome({ ok: t('matches.sent', { name: match.displayName }) });
      setAsking(false);
    } catch (error) {
      setOutcome({ error });
    }
  };

  return (
    <li className="card match" aria-labelledby={headingId}>
      <h2 id={headingId}>{match.displayName}</h2>
      <p>
        <span className="badge">{t(`profile.kinds.${match.kind}`)}</span> {format.country(match.country)} · <strong>{t('matches.score', { score: Math.round(match.score) })}</strong>
      </p>
      <dl className="score-parts">
        {PARTS.map((part) => (
          <div key={part}>
            <dt>{t(`matches.parts.${part}`)}</dt>
            <dd>
              <meter min={0} max={1} value={match.parts[part]} aria-label={t(`matches.parts.${part}`)} /> <span className="percent">{Math.round(match.parts[part] * 100)} %</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="explanation">
        <strong>{t('matches.why')}:</strong> {match.explanation}
      </p>
      {asking ? (
        <form onSubmit={(event) => void send(event)} className="form">
          <label>
            {t('matches.message')}
            <textarea name="message" required minLength={10} maxLength={1000} rows={3} />
          </label>
          <button type="submit">{t('matches.send')}</button>
        </form>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t('matches.ask')}
        </button>
      )}
      <Outcome {...outcome} />
    </li>
  );
}
