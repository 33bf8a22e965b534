import { Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { ValidationFailedException } from '@socialmakers/service-kit';

const CATALOGUE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Course and module keys in paths have the same shape as in the contracts. */
@Injectable()
export class CatalogueKeyPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && value.length <= 100 && CATALOGUE_KEY.test(value)) return value;
    const field = metadata.data ?? 'key';
    throw new ValidationFailedException([{ field, message: `${field} must be a lower-case key of letters, digits and dashes` }]);
  }
}
