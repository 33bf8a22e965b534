import { applyDecorators } from '@nestjs/common';
import { IsISO31661Alpha2, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

/** Composed decorators for the shapes every contract repeats. */
export const IsPersonId = () => IsUUID('all', { message: '$property must be a person id (a UUID)' });

/** Stable catalogue keys such as "financing" or "social-innovation-academy". */
export const IsCatalogueKey = () =>
  Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '$property must be a lower-case key of letters, digits and dashes' });

export const IsCountryCode = () =>
  IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code such as SI' });

export const IsTimestamp = () => IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 timestamp' });

export const OptionalCountryCode = () => applyDecorators(IsOptional(), IsCountryCode());
