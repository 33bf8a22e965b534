import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Account, type Role } from '../api/accounts';
import { operationsApi } from '../api/operations';
import { LoadStatus, Outcome } from '../session/status';
import { useLoad } from '../session/use-load';

/** Admins grant roles (and the organisation an organiser acts for). */
export function AccountsPage() {
  const { t } = useTranslation();
  const state = useLoad(async () => {
    const answer = await operationsApi.accounts();
    return Array.isArray(answer) ? answer : answer.accounts;
  }, []);
  const [outcome, setOutcome] = useState<{ ok?: string; error?: unknown }>({});

  const save = async (event: FormEvent<HTMLFormElement>, account: Account) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await operationsApi.setRoles(account.personId, form.getAll('roles').map(String) as Role[], String(form.get('organisationId') ?? '').trim());
      setOutcome({ ok: t('accounts.saved', { name: account.displayName }) });
      state.reload();
    } catch (error) {
      setOutcome({ error });
    }
  };

  return (
    <section>
      <h1>{t('accounts.title')}</h1>
      <LoadStatus state={state} />
      <Outcome {...outcome} />
      <ul className="cards">
        {state.data?.map((account) => (
          <li key={account.personId} className="card">
            <form onSubmit={(event) => void save(event, account)} className="form" aria-label={account.displayName}>
              <h2>{account.displayName}</h2>
              <p>{account.email}</p>
              <fieldset className="choices">
                <legend>{t('accounts.roles')}</legend>
                {ROLES.map((role) => (
                  <label key={role} className="check">
                    <input type="checkbox" name="roles" value={role} defaultChecked={account.roles.includes(role)} /> {t(`accounts.roleNames.${role}`)}
                  </label>
                ))}
              </fieldset>
              <label>
                {t('accounts.organisation')}
                <input name="organisationId" defaultValue={account.organisationId ?? ''} />
              </label>
              <button type="submit">{t('common.save')}</button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
