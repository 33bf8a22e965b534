import { Pseudonymiser } from '../pseudonymise';

describe('Pseudonymiser', () => {
  const pseudonyms = new Pseudonymiser('k'.repeat(64));
  const person = '3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11';

  it('replaces person ids and record ids with stable keyed pseudonyms and drops verification codes', () => {
    const data = { personId: person, enrolmentId: 'e1', lecturerIds: [person], courseKey: 'sia', country: 'SI', verificationCode: 'SIA-1234-5678-9ABC' };
    const safe = pseudonyms.data(data);
    expect(safe.personId).toMatch(/^anon-[0-9a-f]{24}$/);
    expect(safe.personId).toBe(pseudonyms.pseudonym(person));
    expect(safe.lecturerIds).toEqual([safe.personId]);
    expect(safe.enrolmentId).not.toBe('e1');
    expect(safe).toMatchObject({ courseKey: 'sia', country: 'SI' });
    expect(safe).not.toHaveProperty('verificationCode');
    expect(JSON.stringify(safe)).not.toContain(person);
    expect(data.personId).toBe(person);
    expect(new Pseudonymiser('other key').pseudonym(person)).not.toBe(safe.personId);
  });

  it('pseudonymises the id in person subjects only', () => {
    expect(pseudonyms.subject(`person/${person}`)).toBe(`person/${pseudonyms.pseudonym(person)}`);
    expect(pseudonyms.subject('activity/a1')).toBe('activity/a1');
    expect(pseudonyms.subject(null)).toBeNull();
  });
});
