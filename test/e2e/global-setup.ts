import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createKafka, provisionTopics } from '@socialmakers/messaging';
import { ensureInfrastructure, randomSuffix, repoRoot } from '@socialmakers/testing';
import { assertChromium } from './support/browser';
import { SCREENSHOT_DIR, writePlatform } from './support/platform-file';
import { RunningPlatform } from './support/running-platform';
import { setTheScene } from './support/scene';

/**
 * Jest global setup of the e2e project: the compiled platform (services, gateway and the console
 * build) on the real broker and PostgreSQL, in a Kafka namespace and databases of this run's own,
 * with the scene the scenarios share loaded through the APIs.
 */
export default async function globalSetup(): Promise<void> {
  assertChromium();
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const { brokers } = await ensureInfrastructure();
  // The integration runs' prefix, so the shared teardown deletes this run's topics too.
  process.env.KAFKA_NAMESPACE = `it-e2e-${Date.now()}-${randomSuffix()}.`;
  process.env.JWT_SECRET = randomBytes(32).toString('hex');
  process.env.LOG_LEVEL ??= 'warn';
  await provisionTopics(createKafka({ brokers: brokers.split(','), clientId: 'socialmakers-e2e-setup' }));

  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const platform = await RunningPlatform.start();
  (globalThis as { e2ePlatform?: RunningPlatform }).e2ePlatform = platform;
  try {
    writePlatform({ ...(await setTheScene(platform.gateway.url, process.env.JWT_SECRET)), gatewayLog: platform.gateway.logFile });
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
