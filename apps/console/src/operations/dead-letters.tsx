import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSUMER_GROUPS, operationsApi } from '../api/operations';
import { useFormat } from '../i18n/format';
import { LoadStatus, Outcome } from '../session/status';
import { useAction } from '../session/use-action';
import { useLoad } from '../session/use-load';

/** A consumer group's dead letters with the error that put them there, and replay. */
export function DeadLetters() {
  const { t } = useTranslation();
  const format = useFormat();
  const [group, setGroup] = useState(CONSUMER_GROUPS[0]);
  const state = useLoad(() => operationsApi.deadLetters(group), [group]);
  const { outcome, act } = useAction(state.reload);
  const [replayed, setReplayed] = useState<number>();
  const replay = (ids?: string[]) => act(async () => setReplayed((await operationsApi.replay(group, ids)).replayed.length));

  const letters = state.data?.deadLetters ?? [];
  return (
    <section aria-labelledby="dead-letters">
      <h2 id="dead-letters">{t('operations.deadLetters')}</h2>
      <label>
        {t('operations.chooseGroup')}{' '}
        <select value={group} onChange={(event) => setGroup(event.target.value)}>
          {CONSUMER_GROUPS.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
      </label>
      <LoadStatus state={state} />
      <Outcome ok={outcome.error === undefined && replayed !== undefined ? t('operations.replayed', { count: replayed }) : undefined} error={outcome.error} />
      {state.data && letters.length === 0 && <p>{t('operations.noDeadLetters')}</p>}
      {letters.length > 0 && (
        <>
          <button type="button" onClick={() => void replay()}>
            {t('operations.replayAll')}
          </button>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('operations.type')}</th>
                <th scope="col">{t('operations.reason')}</th>
                <th scope="col">{t('operations.error')}</th>
                <th scope="col" className="number">{t('operations.attempts')}</th>
                <th scope="col">{t('operations.failedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('operations.replay')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => (
                <tr key={letter.id}>
                  <td>
                    <code>{letter.eventType ?? letter.headers.ce_type ?? '–'}</code>
                    <br />
                    <span className="hint">
                      {letter.originalTopic} [{letter.originalPartition}] @{letter.originalOffset}
                    </span>
                  </td>
                  <td>{letter.reason}</td>
                  <td className="error-text">
                    {letter.exceptionClass}: {letter.exceptionMessage}
                  </td>
                  <td className="number">{letter.attempts}</td>
                  <td>{format.dateTime(letter.failedAt)}</td>
                  <td>
                    <button type="button" onClick={() => void replay([letter.id])}>
                      {t('operations.replay')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
