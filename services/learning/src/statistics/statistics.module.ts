import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

@Module({ imports: [CatalogueModule], controllers: [StatisticsController], providers: [StatisticsService] })
export class StatisticsModule {}
