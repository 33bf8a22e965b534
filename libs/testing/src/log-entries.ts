import { readFileSync } from 'node:fs';

/**
 * The JSON lines a service process wrote to its log (ServiceProcess.logFile), in order. Tests read
 * what a service only logs, such as a password-reset link in local mode without SMTP.
 */
export function logEntries<Entry extends object = Record<string, unknown>>(logFile: string): Entry[] {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Entry);
}
