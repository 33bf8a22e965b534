import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { learningApi } from '../api/learning';
import { useFormat } from '../i18n/format';
import { useSession } from '../session/session';
import { LoadStatus, Outcome } from '../session/status';
import { useAction } from '../session/use-action';
import { useLoad } from '../session/use-load';
import { CertificatesList } from './certificates-list';

/** My Academy: enrolment, progress module by module, and certificates. */
export function AcademyPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const personId = useSession().account!.personId;
  const state = useLoad(
    async () => {
      const [courses, progress, certificates] = await Promise.all([
        learningApi.courses(i18n.language),
        learningApi.progress(personId, i18n.language),
        learningApi.certificates(personId),
      ]);
      return { courses, progress, certificates };
    },
    [personId, i18n.language],
  );
  const [country, setCountry] = useState('');
  const { outcome, act } = useAction(state.reload);

  const enrolledKeys = new Set(state.data?.progress.filter((p) => p.enrolment === 'enrolled').map((p) => p.courseKey));
  const open = state.data?.courses.filter((course) => !enrolledKeys.has(course.courseKey)) ?? [];
  return (
    <section>
      <h1>{t('academy.title')}</h1>
      <p>{t('academy.intro')}</p>
      <LoadStatus state={state} />
      <Outcome {...outcome} />
      {open.length > 0 && (
        <div className="card">
          <label>
            {t('common.country')}{' '}
            <input value={country} onChange={(e) => setCountry(e.target.value.toUpperCase())} maxLength={2} size={3} aria-describedby="country-hint" />
          </label>
          <span id="country-hint" className="hint">
            {' '}
            {t('common.countryHint')}
          </span>
          <div className="actions">
            {open.map((course) => (
              <button key={course.courseKey} type="button" onClick={() => void act(() => learningApi.enrol(personId, course.courseKey, country))}>
                {t('academy.enrol', { course: course.displayTitle })}
              </button>
            ))}
          </div>
        </div>
      )}
      {state.data?.progress.length === 0 && <p>{t('academy.notEnrolled')}</p>}
      {state.data?.progress.map((course) => (
        <article key={course.courseKey} className="card" aria-labelledby={`course-${course.courseKey}`}>
          <h2 id={`course-${course.courseKey}`}>{course.title}</h2>
          <p>{course.enrolment === 'enrolled' ? t('academy.enrolled', { date: format.date(course.enrolledAt) }) : t('academy.withdrawn')}</p>
          <p>
            <label htmlFor={`progress-${course.courseKey}`}>
              {t('academy.progress', { done: course.requiredModulesCompleted, total: course.requiredModules, percent: course.percentComplete })}
            </label>
            <progress id={`progress-${course.courseKey}`} max={100} value={course.percentComplete} />
          </p>
          {course.completedAt && <p>{t('academy.completed', { date: format.date(course.completedAt) })}</p>}
          <ol className="modules">
            {course.modules.map((module) => (
              <li key={module.moduleKey} className={`module ${module.status}`}>
                <span>{module.title}</span>{' '}
                <span className="badge">{t(`academy.moduleStatus.${module.status}`)}</span>
                {module.score !== null && <span className="hint"> {t('academy.score', { score: module.score })}</span>}
              </li>
            ))}
          </ol>
          {course.enrolment === 'enrolled' && (
            <button type="button" className="secondary" onClick={() => void act(() => learningApi.withdraw(personId, course.courseKey))}>
              {t('academy.withdraw')}
            </button>
          )}
        </article>
      ))}
      {state.data && <CertificatesList certificates={state.data.certificates} courses={state.data.courses} />}
    </section>
  );
}
