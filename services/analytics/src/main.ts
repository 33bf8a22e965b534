import { connectInbox } from '@socialmakers/messaging';
import { bootstrapService } from '@socialmakers/service-kit';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'analytics',
  appModule: AppModule,
  defaultPort: 3004,
  connectMicroservices: connectInbox,
});
