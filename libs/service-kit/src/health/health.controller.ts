import { Controller, Get, Header, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { Public } from '@socialmakers/auth';
import { createLogger } from '@socialmakers/logging';
import { ServiceUnavailableError } from '../errors/domain-error';
import { BrokerHealthIndicator } from './broker.health';
import { HEALTH_OPTIONS, type ResolvedHealthOptions } from './health-options';

const logger = createLogger('health');

/** Probes for Kubernetes and operators. Public: a probe has no person's token. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly broker: BrokerHealthIndicator,
    @Inject(HEALTH_OPTIONS) private readonly options: ResolvedHealthOptions,
  ) {}

  /** Readiness: can this instance serve requests, i.e. are its database and broker reachable? */
  @Get()
  // Terminus's own OpenAPI description would document its 503 body, not our problem details.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Every checked dependency answers.' })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down: application/problem+json whose `checks` member reports each one.',
  })
  async check(): Promise<HealthCheckResult> {
    const { checks, timeoutMs } = this.options;
    const indicators: HealthIndicatorFunction[] = [];
    if (checks.includes('database')) indicators.push(() => this.database.pingCheck('database', { timeout: timeoutMs }));
    if (checks.includes('broker')) indicators.push(() => this.broker.check('broker', timeoutMs));
    try {
      return await this.health.check(indicators);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const failure = unhealthy(error);
      // Probe requests are logged at debug only, so a failure gets its own line.
      logger.warn({ checks: failure.extensions.checks }, failure.message);
      throw failure;
    }
  }

  /** Liveness: the process runs and its event loop answers; dependencies do not matter here. */
  @Get('live')
  @Header('Cache-Control', 'no-store')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

/** Terminus reports failure as a 503 carrying its result; we keep the result, in the problem shape. */
function unhealthy(error: ServiceUnavailableException): ServiceUnavailableError {
  const result = error.getResponse() as HealthCheckResult;
  const down = Object.entries(result.error ?? {}).map(([name, state]) =>
    state?.message ? `${name} is down (${String(state.message)})` : `${name} is down`,
  );
  return new ServiceUnavailableError('UNHEALTHY', `Not ready to serve requests: ${down.join('; ')}.`, {
    checks: result.details,
  });
}
