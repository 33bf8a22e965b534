import { bootstrapService } from '@socialmakers/service-kit';
import { AppModule } from './app.module';

void bootstrapService({ name: 'learning', appModule: AppModule, defaultPort: 3001 });
