import { useTranslation } from 'react-i18next';
import type { Certificate, Course } from '../api/learning';
import { useFormat } from '../i18n/format';

export function CertificatesList({ certificates, courses }: { certificates: Certificate[]; courses: Course[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="certificates">
      <h2 id="certificates">{t('academy.certificates')}</h2>
      {certificates.length === 0 ? (
        <p>{t('academy.noCertificates')}</p>
      ) : (
        <ul className="cards">
          {certificates.map((certificate) => (
            <li key={certificate.id} className="card">
              <h3>{courses.find((course) => course.courseKey === certificate.courseKey)?.displayTitle ?? certificate.courseKey}</h3>
              <p>
                {t('academy.code')}: <code>{certificate.verificationCode}</code>
              </p>
              <p>{t('academy.issued', { date: format.date(certificate.issuedAt) })}</p>
              <p className="actions">
                <a href={`/api/learning${certificate.verificationUrl}`}>{t('academy.verify')}</a>
                <a href={`/api/learning${certificate.credentialUrl}`}>{t('academy.credential')}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
