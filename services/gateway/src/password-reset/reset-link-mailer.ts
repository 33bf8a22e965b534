import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { createLogger } from '@socialmakers/logging';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../config/gateway-settings';

const log = createLogger('password-reset');

/**
 * Delivers reset links: by mail through SMTP_URL when it is set; otherwise (local mode, no mail
 * server) the link goes to the log, which is where the person running the platform looks.
 */
@Injectable()
export class ResetLinkMailer implements OnModuleDestroy {
  private readonly transport?: Transporter;

  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {
    if (settings.smtpUrl) this.transport = createTransport(settings.smtpUrl);
  }

  async send(to: string, displayName: string, link: string, validMinutes: number): Promise<void> {
    if (!this.transport) {
      log.info({ to, resetLink: link }, 'password reset link (local mode: no SMTP_URL, so it is logged instead of mailed)');
      return;
    }
    await this.transport.sendMail({
      from: this.settings.mailFrom,
      to,
      subject: 'Reset your Social(i)Makers password',
      text:
        `Hello ${displayName},\n\nsomeone (we hope you) asked to reset the password of your Social(i)Makers account.\n` +
        `Open this link within ${validMinutes} minutes to choose a new one:\n\n${link}\n\n` +
        'If it was not you, ignore this message: your password stays as it is.\n',
    });
    log.info({ to }, 'password reset link mailed');
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
