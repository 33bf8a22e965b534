import { Injectable } from '@nestjs/common';
import type { Principal } from '@socialmakers/auth';
import { createLogger } from '@socialmakers/logging';
import { AccountsService } from '../accounts/accounts.service';
import { ServiceClient, unexpected } from '../common/service-client';

const log = createLogger('erasure');

export interface ErasureReceipt {
  personId: string;
  /** Community erased the person (also one it never saw) and published PersonErased for the other services. */
  community: 'erased';
  accountErased: true;
}

/**
 * Erasure everywhere: community erases the person and publishes PersonErased, which learning, events
 * and analytics act on; then the account goes. In that order, so a failure at community leaves the
 * account in place to try again, rather than a person who can no longer ask.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly services: ServiceClient,
  ) {}

  async erase(principal: Principal, authorization: string): Promise<ErasureReceipt> {
    const { personId } = principal;
    await this.accounts.get(personId);
    const path = `/privacy/people/${personId}`;
    const answer = await this.services.call('community', 'DELETE', path, authorization);
    if (answer.status !== 200) throw unexpected('community', 'DELETE', path, answer);
    await this.accounts.erase(personId);
    log.info({ personId }, 'person erased');
    return { personId, community: 'erased', accountErased: true };
  }
}
