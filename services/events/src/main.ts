import { connectInbox } from '@socialmakers/messaging';
import { bootstrapService } from '@socialmakers/service-kit';
import { AppModule } from './app.module';

void bootstrapService({ name: 'events', appModule: AppModule, defaultPort: 3002, connectMicroservices: connectInbox });
