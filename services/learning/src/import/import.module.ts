import { Module } from '@nestjs/common';
import { ProgressModule } from '../progress/progress.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

@Module({ imports: [ProgressModule], controllers: [ImportController], providers: [ImportService] })
export class ImportModule {}
