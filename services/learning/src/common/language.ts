import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { pickLanguage } from '../catalogue/localize';

/** The language to show texts in: `?lang=` first, then Accept-Language, then English. */
export const DisplayLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  const lang = typeof request.query.lang === 'string' ? request.query.lang : undefined;
  return pickLanguage(lang, request.headers['accept-language']);
});
