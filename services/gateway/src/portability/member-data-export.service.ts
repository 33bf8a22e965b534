import { Injectable } from '@nestjs/common';
import type { Principal } from '@socialmakers/auth';
import { AccountsService } from '../accounts/accounts.service';
import { AccountView } from '../accounts/dto/account.view';
import { ServiceClient } from '../common/service-client';

/** Everything the platform holds about one member, as each service shows it to that member. */
export interface MemberDataExport {
  exportedAt: string;
  personId: string;
  account: AccountView;
  learning: { enrolments: unknown; progress: unknown; certificates: unknown; record: unknown };
  events: { registrations: unknown[] };
  community: { profile: unknown; node: unknown; connections: unknown; introductions: unknown };
}

/**
 * Portability: gathers the member's data from the services' own APIs with the member's own token, so
 * every service applies its usual rules (the member sees what they may see of themself, and nothing
 * of anyone else). A service that fails makes the export fail: a partial export would look complete.
 */
@Injectable()
export class MemberDataExportService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly services: ServiceClient,
  ) {}

  async exportFor(principal: Principal, authorization: string): Promise<MemberDataExport> {
    const { personId } = principal;
    const account = await this.accounts.get(personId);
    const learner = `/learners/${personId}`;
    const [enrolments, progress, certificates, record, registrations, profile, node, connections, introductions] = await Promise.all([
      this.services.read('learning', `${learner}/enrolments`, authorization),
      this.services.read('learning', `${learner}/progress`, authorization),
      this.services.read('learning', `${learner}/certificates`, authorization),
      this.services.read('learning', `${learner}/record`, authorization),
      this.services.read<unknown[]>('events', `/people/${personId}/registrations`, authorization),
      this.services.read('community', `/stakeholders/${personId}`, authorization, true),
      this.services.read('community', `/network/people/${personId}`, authorization, true),
      this.services.read('community', `/network/people/${personId}/connections`, authorization, true),
      this.services.read('community', '/introductions', authorization),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      personId,
      account: AccountView.of(account),
      learning: { enrolments, progress, certificates, record },
      events: { registrations: registrations ?? [] },
      community: { profile: profile ?? null, node: node ?? null, connections: connections ?? null, introductions },
    };
  }
}
