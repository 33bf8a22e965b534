import { connectInbox } from '@socialmakers/messaging';
import { bootstrapService } from '@socialmakers/service-kit';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'learning',
  appModule: AppModule,
  defaultPort: 3001,
  // Learning consumes the events service's attendance for the learner record.
  connectMicroservices: connectInbox,
});
