import { validate as isUuid, version as uuidVersion } from 'uuid';
import { personIdForEmail } from '../person-id';

describe('personIdForEmail', () => {
  it('is the RFC 9562 version 5 UUID of the normalised email (checked against the uuid package)', () => {
    // Reference value from uuid.v5('ana@example.org', PERSON_NAMESPACE).
    expect(personIdForEmail('ana@example.org')).toBe('88a81ad2-856e-5b4a-9fbd-010f00c690e5');
    const id = personIdForEmail('someone@partner.si');
    expect(isUuid(id)).toBe(true);
    expect(uuidVersion(id)).toBe(5);
  });

  it('gives one person one id whatever the case and surrounding spaces of the email', () => {
    expect(personIdForEmail('  Ana@Example.ORG ')).toBe(personIdForEmail('ana@example.org'));
  });

  it('gives different people different ids', () => {
    expect(personIdForEmail('ana@example.org')).not.toBe(personIdForEmail('ana@example.com'));
  });
});
