import { connectInbox } from '@socialmakers/messaging';
import { bootstrapService } from '@socialmakers/service-kit';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'community',
  appModule: AppModule,
  defaultPort: 3003,
  connectMicroservices: connectInbox,
});
