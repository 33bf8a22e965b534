import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { certificateCredential, learnerRecordCredential } from '../open-badges';

// 1EdTech's JSON Schema for OB 3.0 AchievementCredential, kept outside the repository (see its README).
const schemaPath = resolve(__dirname, '../../../../../../shared/conformance/ob3-achievementcredential.schema.json');
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
const problems = (document: unknown) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const issuer = { baseUrl: 'https://learning.example.org' };

describe('Open Badges 3.0 documents', () => {
  it('a certificate is an OpenBadgeCredential the 1EdTech schema accepts', () => {
    const credential = certificateCredential(
      {
        certificateId: '0b6f1f0e-4c1a-4d8e-9f5e-2a7b8c9d0e1f',
        personId: '3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11',
        courseKey: 'social-innovation-academy',
        courseTitle: { en: 'Social Innovation Academy', sl: 'Akademija socialnih inovacij' },
        courseSummary: { en: 'Seven modules.' },
        requiredModules: [{ moduleKey: 'financing', title: { en: 'Financing' } }],
        verificationCode: 'SIA-7K3M-Q9TX-2PBD',
        issuedAt: new Date('2019-01-15T10:00:00Z'),
      },
      issuer,
    );
    expect(problems(credential)).toEqual([]);
    expect(credential).toMatchObject({
      issuanceDate: '2019-01-15T10:00:00.000Z',
      credentialSubject: { id: 'urn:uuid:3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11', achievement: { criteria: { narrative: expect.stringContaining('Financing') } } },
    });
  });

  it('a learner record lists every completion and attendance as evidence and passes the schema, even when empty', () => {
    const facts = {
      personId: '3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11',
      issuedAt: new Date('2019-02-01T00:00:00Z'),
      modules: [{ courseKey: 'academy', moduleKey: 'financing', title: 'Financing', completedAt: '2018-10-01T00:00:00.000Z', score: 80 }],
      courses: [{ courseKey: 'academy', title: 'Academy', completedAt: '2018-12-01T00:00:00.000Z', verificationCode: 'SIA-7K3M-Q9TX-2PBD' }],
      activities: [
        { attendanceId: '6a0e8f3c-1d2b-4c5a-8e9f-0a1b2c3d4e5f', activityId: '7b1f9a4d-2e3c-4d6b-9f0a-1b2c3d4e5f60', kind: 'workshop', country: 'SI', moduleKey: 'financing', attendedAt: '2018-11-15T16:00:00.000Z' },
      ],
    };
    const record = learnerRecordCredential(facts, issuer) as { evidence: Array<{ genre: string; description: string }> };
    expect(problems(record)).toEqual([]);
    expect(record.evidence.map((e) => e.genre)).toEqual(['course-completion', 'module-completion', 'workshop']);
    expect(record.evidence[1].description).toContain('quiz score of 80%');
    expect(problems(learnerRecordCredential({ ...facts, modules: [], courses: [], activities: [] }, issuer))).toEqual([]);
  });
});
