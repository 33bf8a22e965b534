import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { LearningCatalogueConsumer } from './learning-catalogue.consumer';

@Module({ controllers: [CatalogueController, LearningCatalogueConsumer], providers: [CatalogueService], exports: [CatalogueService] })
export class CatalogueModule {}
