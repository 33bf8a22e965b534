import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { CsvBodyMiddleware } from './csv-body.middleware';
import { SignInSheetsController } from './sign-in-sheets.controller';
import { SignInSheetsService } from './sign-in-sheets.service';

@Module({ imports: [AttendanceModule], controllers: [SignInSheetsController], providers: [SignInSheetsService] })
export class SignInSheetsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsvBodyMiddleware).forRoutes({ path: 'activities/:activityId/sign-in-sheets', method: RequestMethod.POST });
  }
}
