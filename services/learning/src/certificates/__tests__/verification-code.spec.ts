import { newVerificationCode, normaliseVerificationCode, VERIFICATION_CODE } from '../verification-code';

describe('verification codes', () => {
  it('are SIA- plus three groups of four unambiguous characters, matching the contract', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = newVerificationCode();
      expect(code).toMatch(/^SIA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(VERIFICATION_CODE.test(code)).toBe(true);
    }
  });

  it('come from the random source and are compared as people type them', () => {
    expect(newVerificationCode(() => Buffer.alloc(12, 0))).toBe('SIA-0000-0000-0000');
    expect(newVerificationCode(() => Buffer.from([31, 30, 29, 28, 0, 1, 2, 3, 10, 11, 12, 13]))).toBe('SIA-ZYXW-0123-ABCD');
    expect(normaliseVerificationCode('  sia-7k3m-q9tx-2pbd ')).toBe('SIA-7K3M-Q9TX-2PBD');
  });
});
