import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IntroductionsService } from './introductions.service';

/** Sweeps unanswered introductions on a timer; every instance may run it (rows are claimed with SKIP LOCKED). */
@Injectable()
export class IntroductionExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IntroductionExpiryScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly introductions: IntroductionsService,
    private readonly config: ConfigService,
  ) {}

  onApplicationBootstrap(): void {
    const every = Number(this.config.get('INTRODUCTION_EXPIRY_SWEEP_MS'));
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.introductions
        .expireDue()
        .catch((error: Error) => this.logger.warn(`introduction expiry sweep failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
