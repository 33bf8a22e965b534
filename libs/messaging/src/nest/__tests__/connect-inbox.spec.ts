import { Controller, type INestApplication } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { lastValueFrom, isObservable } from 'rxjs';
import { EnrolmentCreatedV1 } from '@socialmakers/contracts';
import { connectEventHandlers } from '../connect-inbox';
import { OnEvent } from '../on-event.decorator';

class SeatAlreadyTaken extends Error {
  override readonly name = 'SeatAlreadyTaken';
}

@Controller()
class FailingConsumer {
  @OnEvent(EnrolmentCreatedV1)
  onEnrolment(): never {
    throw new SeatAlreadyTaken('seat 7 is taken');
  }
}

/** Stands in for InboxTransport: keeps the handlers Nest registers, starts nothing. */
class RecordingTransport extends Server implements CustomTransportStrategy {
  listen(callback: () => void): void {
    callback();
  }
  close(): void {}
  on(): void {}
  unwrap<T>(): T {
    return undefined as T;
  }
  handlerOf(pattern: string): MessageHandler {
    return this.messageHandlers.get(pattern)!;
  }
}

async function invoke(handler: MessageHandler): Promise<unknown> {
  try {
    const result = await handler({}, {});
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('connectEventHandlers', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it("gives the runner the handler's own error (class and message), not Nest's generic one, so dead letters name the real cause", async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [FailingConsumer] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    const transport = new RecordingTransport();
    connectEventHandlers(app, transport);
    await app.startAllMicroservices();
    await app.init();

    const error = await invoke(transport.handlerOf(EnrolmentCreatedV1.type));
    expect(error).toBeInstanceOf(SeatAlreadyTaken);
    expect((error as Error).message).toBe('seat 7 is taken');
  });
});
