import { isISO31661Alpha2 } from 'class-validator';
import { EventCatalogue, isKnownEventType, type EventType } from '@socialmakers/contracts';
import { AnalyticsErrorCode, BadQueryError } from './bad-query.error';

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** Event types named in a filter (comma-separated or repeated); an unknown one is a 400 naming it. */
export function parseEventTypes(value: string | string[] | undefined): EventType[] {
  const types = list(value);
  const unknown = types.filter((type) => !isKnownEventType(type));
  if (unknown.length > 0) {
    throw new BadQueryError(
      AnalyticsErrorCode.UnknownEventType,
      `Unknown event type ${unknown.map((t) => `"${t}"`).join(', ')}; the event catalogue has: ${Object.keys(EventCatalogue).join(', ')}.`,
    );
  }
  return types as EventType[];
}

/** ISO 3166-1 alpha-2 codes in capitals; anything else is a 400 naming it. */
export function parseCountries(value: string | string[] | undefined): string[] {
  const countries = list(value);
  const unknown = countries.filter((c) => !/^[A-Z]{2}$/.test(c) || !isISO31661Alpha2(c));
  if (unknown.length > 0) {
    throw new BadQueryError(
      AnalyticsErrorCode.UnknownCountry,
      `Unknown country ${unknown.map((c) => `"${c}"`).join(', ')}; give ISO 3166-1 alpha-2 codes in capitals, such as SI or AT.`,
    );
  }
  return countries;
}
