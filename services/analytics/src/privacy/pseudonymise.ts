import { createHmac } from 'node:crypto';

/** Fields that name a person directly. */
const PERSON_FIELDS = new Set(['personId', 'requesterId', 'recipientId', 'otherPersonId', 'organiserId']);
/** Fields that hold several person ids. */
const PERSON_LIST_FIELDS = new Set(['lecturerIds']);
/** Ids of one person's records (an enrolment, a registration, ...): they lead back to the person in the owning service. */
const RECORD_FIELDS = new Set(['enrolmentId', 'registrationId', 'attendanceId', 'certificateId', 'connectionId', 'introductionId']);
/** Dropped outright: a certificate's public verification code shows whose it is. */
const DROPPED_FIELDS = new Set(['verificationCode']);

/**
 * Takes personal data out of event data for callers who are not admins. Person ids (and the ids of
 * one person's records) become pseudonyms: a keyed hash, stable within this service so an analyst can
 * still count and follow one person, but not reversible or joinable outside it without the key, which
 * never leaves the service. Verification codes are dropped. The data is copied, never changed in place.
 */
export class Pseudonymiser {
  constructor(private readonly key: string) {}

  pseudonym(id: string): string {
    const hex = createHmac('sha256', this.key).update(id).digest('hex');
    return `anon-${hex.slice(0, 24)}`;
  }

  data(data: Record<string, unknown>): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(data)) {
      if (DROPPED_FIELDS.has(field)) continue;
      if ((PERSON_FIELDS.has(field) || RECORD_FIELDS.has(field)) && typeof value === 'string') copy[field] = this.pseudonym(value);
      else if (PERSON_LIST_FIELDS.has(field) && Array.isArray(value)) copy[field] = value.map((v) => this.pseudonym(String(v)));
      else copy[field] = value;
    }
    return copy;
  }

  /** A CloudEvents subject such as person/<id>: the id part of person, enrolment or introduction subjects is pseudonymised. */
  subject(subject: string | null): string | null {
    if (!subject) return subject;
    const [kind, id] = subject.split('/', 2);
    return ['person', 'connection', 'introduction'].includes(kind) && id ? `${kind}/${this.pseudonym(id)}` : subject;
  }
}
