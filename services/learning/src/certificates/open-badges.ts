import type { LocalizedText } from '@socialmakers/contracts';

/**
 * Open Badges 3.0 (1EdTech) credentials, which are W3C Verifiable Credentials. These documents are
 * unsigned (no `proof`): their authenticity rests on the public verification endpoint that serves
 * them, as Open edX's certificate pages do. Signing them (an Ed25519 DataIntegrityProof) needs a
 * managed issuer key and is left for the gateway.
 */
export const OB3_CONTEXT = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

export const ISSUER_NAME = 'Social(i)Makers Social Innovation Academy';

export interface IssuerInfo {
  /** The public base URL of the learning service, e.g. https://learning.socialmakers.example */
  baseUrl: string;
}

export interface CertificateFacts {
  certificateId: string;
  personId: string;
  courseKey: string;
  courseTitle: LocalizedText;
  courseSummary: LocalizedText;
  requiredModules: Array<{ moduleKey: string; title: LocalizedText }>;
  verificationCode: string;
  issuedAt: Date;
}

export interface EvidenceItem {
  id: string;
  name: string;
  description: string;
  /** When it happened, ISO 8601. */
  at: string;
}

export interface LearnerRecordFacts {
  personId: string;
  issuedAt: Date;
  modules: Array<{ courseKey: string; moduleKey: string; title: string; completedAt: string; score: number | null }>;
  courses: Array<{ courseKey: string; title: string; completedAt: string; verificationCode: string | null }>;
  activities: Array<{ attendanceId: string; activityId: string; kind: string; country: string; moduleKey: string | null; attendedAt: string }>;
}

type Json = Record<string, unknown>;

function issuer(info: IssuerInfo): Json {
  return { id: `${info.baseUrl}/issuer`, type: ['Profile'], name: ISSUER_NAME, url: info.baseUrl };
}

/** The certificate of a completed course as an OpenBadgeCredential. */
export function certificateCredential(facts: CertificateFacts, info: IssuerInfo): Json {
  const issuedAt = facts.issuedAt.toISOString();
  const moduleList = facts.requiredModules.map((module) => module.title.en).join('; ');
  return {
    '@context': OB3_CONTEXT,
    id: `urn:uuid:${facts.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${facts.courseTitle.en}: certificate of completion`,
    issuer: issuer(info),
    issuanceDate: issuedAt,
    validFrom: issuedAt,
    credentialSubject: {
      id: `urn:uuid:${facts.personId}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `${info.baseUrl}/courses/${facts.courseKey}`,
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name: facts.courseTitle.en,
        description: facts.courseSummary.en,
        criteria: { narrative: `Complete every required module of the course: ${moduleList}.` },
        inLanguage: 'en',
      },
    },
    evidence: [
      {
        id: `${info.baseUrl}/certificates/${facts.verificationCode}/verification`,
        type: ['Evidence'],
        name: 'Public verification',
        description: `Verification code ${facts.verificationCode}; anyone can check it without signing in.`,
      },
    ],
  };
}

/**
 * The learner record: one OpenBadgeCredential about the person's whole participation, whose
 * evidence lists each completed module, completed course and attended workshop, festival and webinar.
 */
export function learnerRecordCredential(facts: LearnerRecordFacts, info: IssuerInfo): Json {
  const issuedAt = facts.issuedAt.toISOString();
  const evidence: Json[] = [
    ...facts.courses.map((course) => ({
      id: course.verificationCode
        ? `${info.baseUrl}/certificates/${course.verificationCode}/verification`
        : `${info.baseUrl}/courses/${course.courseKey}`,
      type: ['Evidence'],
      name: `Course completed: ${course.title}`,
      description: `Completed on ${course.completedAt}.`,
      genre: 'course-completion',
    })),
    ...facts.modules.map((module) => ({
      id: `${info.baseUrl}/courses/${module.courseKey}#${module.moduleKey}`,
      type: ['Evidence'],
      name: `Module completed: ${module.title}`,
      description: `Completed on ${module.completedAt}${module.score !== null ? ` with a quiz score of ${module.score}%` : ''}.`,
      genre: 'module-completion',
    })),
    ...facts.activities.map((activity) => ({
      id: `urn:uuid:${activity.attendanceId}`,
      type: ['Evidence'],
      name: `${activity.kind[0].toUpperCase()}${activity.kind.slice(1)} attended (${activity.country})`,
      description: `Took part on ${activity.attendedAt}${activity.moduleKey ? `; it deepens the module ${activity.moduleKey}` : ''}.`,
      genre: activity.kind,
    })),
  ];
  return {
    '@context': OB3_CONTEXT,
    id: `${info.baseUrl}/learners/${facts.personId}/record`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Social(i)Makers learner record',
    issuer: issuer(info),
    issuanceDate: issuedAt,
    validFrom: issuedAt,
    credentialSubject: {
      id: `urn:uuid:${facts.personId}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `${info.baseUrl}/achievements/learner-record`,
        type: ['Achievement'],
        achievementType: 'LearningProgram',
        name: 'Social(i)Makers programme participation',
        description: 'What the person did in the Social(i)Makers programme: Academy modules and courses completed, workshops, festivals and webinars attended.',
        criteria: { narrative: 'Issued to every learner; the evidence lists each completion and attendance on record.' },
      },
    },
    evidence,
  };
}
