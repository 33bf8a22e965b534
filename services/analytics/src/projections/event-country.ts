import type { EventEnvelope } from '@socialmakers/messaging';

/** The country an event is about (the activity's, else the person's), for filters; null when it names none. */
export function countryOf(envelope: Pick<EventEnvelope, 'data'>): string | null {
  const data = envelope.data as unknown as Record<string, unknown>;
  const country = data['country'] ?? data['personCountry'];
  return typeof country === 'string' && /^[A-Z]{2}$/.test(country) ? country : null;
}
