import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CoursePublishedV1,
  ModuleCompletedV1,
  ModulePublishedV1,
  type CoursePublishedV1Payload,
  type ModuleCompletedV1Payload,
  type ModulePublishedV1Payload,
} from '@socialmakers/contracts';
import { ConsumedEvent, OnEvent } from '@socialmakers/messaging';
import { CatalogueService } from './catalogue.service';

/** Keeps the Academy read model from learning's events; the runner has validated and deduplicated them. */
@Controller()
export class LearningCatalogueConsumer {
  constructor(private readonly catalogue: CatalogueService) {}

  @OnEvent(CoursePublishedV1)
  async onCoursePublished(@Payload() course: CoursePublishedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.catalogue.applyCoursePublished(event.manager, course);
  }

  @OnEvent(ModulePublishedV1)
  async onModulePublished(@Payload() module: ModulePublishedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.catalogue.applyModulePublished(event.manager, module);
  }

  @OnEvent(ModuleCompletedV1)
  async onModuleCompleted(@Payload() completion: ModuleCompletedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.catalogue.applyModuleCompleted(event.manager, completion);
  }
}
