import { applyDecorators } from '@nestjs/common';
import { IsISO31661Alpha2, IsISO8601, IsOptional, IsUUID, Matches, type ValidationOptions } from 'class-validator';

/** Composed decorators for the shapes every contract repeats. */
export const IsPersonId = (options: ValidationOptions = {}) =>
  IsUUID('all', { message: options.each ? '$property must hold person ids (UUIDs)' : '$property must be a person id (a UUID)', ...options });

/** Stable catalogue keys such as "financing" or "social-innovation-academy". */
export const IsCatalogueKey = () =>
  Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '$property must be a lower-case key of letters, digits and dashes' });

const COUNTRY_MESSAGE = '$property must be an ISO 3166-1 alpha-2 country code in capitals, such as SI';

/** Capitals only, so that analytics never counts "si" and "SI" as two countries. */
export const IsCountryCode = () =>
  applyDecorators(Matches(/^[A-Z]{2}$/, { message: COUNTRY_MESSAGE }), IsISO31661Alpha2({ message: COUNTRY_MESSAGE }));

export const IsTimestamp = () => IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 timestamp' });

export const OptionalCountryCode = () => applyDecorators(IsOptional(), IsCountryCode());
