import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP's first argon2id setting (19 MiB, 2 passes, 1 lane): about 30 ms here, and memory-hard.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** argon2id hashes of passwords; the hash string carries its own parameters and salt. */
@Injectable()
export class PasswordHasher {
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed hash verifies nothing.
      return false;
    }
  }

  /**
   * Spends the time of a real verification when there is no account for the email, so the answer's
   * timing does not tell which emails have accounts.
   */
  async verifyNothing(password: string): Promise<false> {
    this.decoy ??= this.hash('decoy password that matches nothing');
    await this.verify(await this.decoy, password);
    return false;
  }
}
