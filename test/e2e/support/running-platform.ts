import { resolve } from 'node:path';
import { repoRoot, ServiceProcess, TestDatabase } from '@socialmakers/testing';

const SERVICES = ['learning', 'events', 'community', 'analytics'] as const;

/** An access token lives this long in the e2e run, so the scenarios outlive it and the console must refresh. */
export const E2E_ACCESS_TOKEN_TTL_SECONDS = 20;

/**
 * The running platform of one e2e run: the four services and the gateway from the compiled build,
 * each with a database of its own made for this run.
 */
export class RunningPlatform {
  private constructor(
    readonly gateway: ServiceProcess,
    private readonly services: ServiceProcess[],
    private readonly databases: TestDatabase[],
  ) {}

  static async start(): Promise<RunningPlatform> {
    const databases = await Promise.all([...SERVICES, 'gateway'].map((name) => TestDatabase.create(`e2e_${name}`)));
    const started: ServiceProcess[] = [];
    try {
      const services = await Promise.all(
        SERVICES.map((name, i) => ServiceProcess.start(name, { DATABASE_URL: databases[i].url }).then((service) => (started.push(service), service))),
      );
      const [learning, events, community, analytics] = services;
      const gateway = await ServiceProcess.start('gateway', {
        DATABASE_URL: databases[SERVICES.length].url,
        LEARNING_URL: learning.url,
        EVENTS_URL: events.url,
        COMMUNITY_URL: community.url,
        ANALYTICS_URL: analytics.url,
        CONSOLE_DIR: resolve(repoRoot, 'dist/apps/console'),
        ACCESS_TOKEN_TTL_SECONDS: String(E2E_ACCESS_TOKEN_TTL_SECONDS),
        // Every scenario signs in from the same address, several times.
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        // No SMTP server here, so reset links are info lines of the gateway's log (the reset scenario reads them).
        LOG_LEVEL: 'info',
      });
      return new RunningPlatform(gateway, services, databases);
    } catch (error) {
      await Promise.all(started.map((service) => service.stop()));
      await Promise.all(databases.map((db) => db.drop()));
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    await Promise.all(this.services.map((service) => service.stop()));
    await Promise.all(this.databases.map((db) => db.drop()));
  }
}
