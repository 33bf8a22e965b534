import { logEntries } from '@socialmakers/testing';

/**
 * The reset links the gateway wrote to its log for an email, oldest first: without SMTP_URL (local
 * mode) that is where a reset link goes, and where whoever runs the platform reads it.
 */
export function loggedResetLinks(gatewayLog: string, email: string): string[] {
  return logEntries<{ to?: string; resetLink?: string }>(gatewayLog)
    .filter((entry) => entry.to === email && entry.resetLink)
    .map((entry) => entry.resetLink!);
}
