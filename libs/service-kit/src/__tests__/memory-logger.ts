import pino, { type Logger } from 'pino';

/** A real pino logger writing parsed lines to an array, so tests can assert on what was logged. */
export function createMemoryLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}
