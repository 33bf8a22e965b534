// A minimal service started the way every real one is, so bootstrap-service.spec.ts can watch
// what a person sees on the console.
import { Controller, Get, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AuthModule, Public } from '@socialmakers/auth';
import { ObservabilityModule } from '@socialmakers/observability';
import { bootstrapService, createConfigModule } from '@socialmakers/service-kit';
import Joi from 'joi';

@Controller('ping')
class PingController {
  @Public()
  @Get()
  ping(): { pong: true } {
    return { pong: true };
  }

  @Get('private')
  private(): { pong: true } {
    return { pong: true };
  }
}

@Injectable()
class ShutdownWitness implements OnApplicationShutdown {
  onApplicationShutdown(signal?: string): void {
    // Written synchronously: pino writes asynchronously, and Nest re-raises the signal right after
    // the hooks, which can end the process before an asynchronous write lands.
    process.stdout.write(`${JSON.stringify({ msg: 'shutdown hooks ran', signal })}\n`);
  }
}

@Module({
  imports: [
    createConfigModule(Joi.object({ FIXTURE_GREETING: Joi.string().required() })),
    AuthModule.forRoot(),
    ObservabilityModule,
  ],
  controllers: [PingController],
  providers: [ShutdownWitness],
})
class FixtureModule {}

void bootstrapService({ name: 'fixture', appModule: FixtureModule, defaultPort: 0 });
