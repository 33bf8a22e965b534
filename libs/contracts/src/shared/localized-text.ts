import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/**
 * Text in English plus the partner languages (ISO 639-1). English is required: a missing
 * translation falls back to it.
 */
export const PARTNER_LANGUAGES = ['sl', 'hr', 'de', 'hu', 'cs', 'sk', 'pl', 'it'] as const;
export type PartnerLanguage = (typeof PARTNER_LANGUAGES)[number];

export class LocalizedText {
  @IsString() @MinLength(1) @MaxLength(2000) en: string;
  @IsOptional() @IsString() @MaxLength(2000) sl?: string;
  @IsOptional() @IsString() @MaxLength(2000) hr?: string;
  @IsOptional() @IsString() @MaxLength(2000) de?: string;
  @IsOptional() @IsString() @MaxLength(2000) hu?: string;
  @IsOptional() @IsString() @MaxLength(2000) cs?: string;
  @IsOptional() @IsString() @MaxLength(2000) sk?: string;
  @IsOptional() @IsString() @MaxLength(2000) pl?: string;
  @IsOptional() @IsString() @MaxLength(2000) it?: string;
}

export function inLanguage(text: LocalizedText, language: string): string {
  return (text as unknown as Record<string, string | undefined>)[language] ?? text.en;
}
