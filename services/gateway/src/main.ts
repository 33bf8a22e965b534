import { bootstrapService } from '@socialmakers/service-kit';
import { AppModule } from './app.module';
import { mountEdge } from './edge/mount-edge';

void bootstrapService({
  name: 'gateway',
  appModule: AppModule,
  defaultPort: 3000,
  // The gateway consumes no events. This hook runs after the request-id middleware and before Nest
  // registers its body parsers: exactly where the public edge (headers, limits, proxy, console) belongs.
  connectMicroservices: mountEdge,
});
