import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { repoRoot } from '@socialmakers/testing';

/** Someone with an account on the running platform (passwords are made per run, never stored in the repository). */
export interface Person {
  email: string;
  password: string;
  displayName: string;
  personId: string;
}

/** What the global setup started and loaded, handed to the scenarios (which run in other processes). */
export interface E2ePlatform {
  gatewayUrl: string;
  organiser: Person & { organisationId: string };
  funder: Person;
  admin: Person;
  analyst: Person;
  workshop: { id: string; title: string };
  /** The gateway's log file: in local mode (no SMTP server) reset links are written there, as to an operator. */
  gatewayLog: string;
}

export const PLATFORM_FILE = resolve(repoRoot, '.cache/e2e/platform.json');
export const SCREENSHOT_DIR = resolve(repoRoot, '.cache/e2e/screenshots');

export function writePlatform(platform: E2ePlatform): void {
  mkdirSync(dirname(PLATFORM_FILE), { recursive: true });
  writeFileSync(PLATFORM_FILE, JSON.stringify(platform, null, 2), { mode: 0o600 });
}

export function readPlatform(): E2ePlatform {
  return JSON.parse(readFileSync(PLATFORM_FILE, 'utf8')) as E2ePlatform;
}
