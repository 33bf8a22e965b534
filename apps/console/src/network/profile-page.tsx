import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { communityApi, OFFERS, PROFILE_LANGUAGES, SEEKS, STAKEHOLDER_KINDS, TOPICS, type Stakeholder } from '../api/community';
import { useSession } from '../session/session';
import { LoadStatus, Outcome } from '../session/status';
import { useLoad } from '../session/use-load';

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', sl: 'Slovenščina', de: 'Deutsch', hr: 'Hrvatski', hu: 'Magyar', cs: 'Čeština', sk: 'Slovenčina',
  pl: 'Polski', it: 'Italiano', ro: 'Română', sr: 'Srpski', bs: 'Bosanski', bg: 'Български',
};

/** My stakeholder profile: what matchmaking uses, and my consent choices. */
export function ProfilePage() {
  const { t } = useTranslation();
  const account = useSession().account!;
  const state = useLoad(() => communityApi.profile(account.personId), [account.personId]);
  const [outcome, setOutcome] = useState<{ ok?: string; error?: unknown }>({});

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    try {
      await communityApi.saveProfile(account.personId, {
        kind: String(form.get('kind')),
        displayName: String(form.get('displayName')),
        country: String(form.get('country')).toUpperCase(),
        languages: form.getAll('languages').map(String),
        topics: form.getAll('topics').map(String),
        seeks: form.getAll('seeks').map(String),
        offers: form.getAll('offers').map(String),
        summary: text('summary'),
        appearsInMatches: form.get('appearsInMatches') === 'on',
        attendanceVisible: form.get('attendanceVisible') === 'on',
        contactEmail: text('contactEmail'),
        contactPhone: text('contactPhone'),
      });
      setOutcome({ ok: t('common.saved') });
      state.reload();
    } catch (error) {
      setOutcome({ error });
    }
  };

  const profile: Partial<Stakeholder> = state.data ?? {};
  return (
    <section>
      <h1>{t('profile.title')}</h1>
      <p>{t('profile.intro')}</p>
      <LoadStatus state={state} />
      {!state.loading && (
        <form key={profile.personId ?? 'new'} onSubmit={(event) => void save(event)} className="form">
          <label>
            {t('profile.kind')}
            <select name="kind" defaultValue={profile.kind ?? 'innovator'}>
              {STAKEHOLDER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`profile.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('profile.displayName')}
            <input name="displayName" required maxLength={120} defaultValue={profile.displayName ?? account.displayName} />
          </label>
          <label>
            {t('common.country')}
            <input name="country" required pattern="[A-Za-z]{2}" maxLength={2} defaultValue={profile.country ?? ''} aria-describedby="profile-country-hint" />
          </label>
          <p id="profile-country-hint" className="hint">
            {t('common.countryHint')}
          </p>
          <Choices legend={t('profile.languages')} name="languages" options={PROFILE_LANGUAGES} chosen={profile.languages} label={(l) => LANGUAGE_NAMES[l]} />
          <Choices legend={t('profile.topics')} name="topics" options={TOPICS} chosen={profile.topics} label={(v) => t(`profile.topicNames.${v}`)} />
          <Choices legend={t('profile.seeks')} name="seeks" options={SEEKS} chosen={profile.seeks} label={(v) => t(`profile.seekNames.${v}`)} />
          <Choices legend={t('profile.offers')} name="offers" options={OFFERS} chosen={profile.offers} label={(v) => t(`profile.offerNames.${v}`)} />
          <label>
            {t('profile.summary')}
            <textarea name="summary" maxLength={600} rows={3} defaultValue={profile.summary ?? ''} />
          </label>
          <label className="check">
            <input type="checkbox" name="appearsInMatches" defaultChecked={profile.appearsInMatches ?? true} /> {t('profile.appearsInMatches')}
          </label>
          <label className="check">
            <input type="checkbox" name="attendanceVisible" defaultChecked={profile.attendanceVisible ?? true} /> {t('profile.attendanceVisible')}
          </label>
          <label>
            {t('profile.contactEmail')}
            <input name="contactEmail" type="email" defaultValue={profile.contact?.email ?? account.email} />
          </label>
          <label>
            {t('profile.contactPhone')}
            <input name="contactPhone" type="tel" defaultValue={profile.contact?.phone ?? ''} />
          </label>
          <Outcome {...outcome} />
          <button type="submit">{t('common.save')}</button>
        </form>
      )}
    </section>
  );
}

function Choices({ legend, name, options, chosen, label }: { legend: string; name: string; options: readonly string[]; chosen?: string[]; label: (value: string) => string }) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input type="checkbox" name={name} value={option} defaultChecked={chosen?.includes(option)} /> {label(option)}
        </label>
      ))}
    </fieldset>
  );
}
