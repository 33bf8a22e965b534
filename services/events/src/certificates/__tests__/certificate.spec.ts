import { pdfText } from '../../../test/pdf-text';
import { renderCertificatePdf, type CertificateText } from '../certificate-pdf';
import { newVerificationCode, normaliseVerificationCode } from '../verification-code';

const certificate = (participant: string, overrides: Partial<CertificateText> = {}): CertificateText => ({
  heading: 'Certificate of attendance',
  participant,
  activity: 'Financing social innovation (in practice)',
  details: ['Field workshop deepening the Academy module "financing"', '2018-10-12, Maribor, SI', 'Social(i)Makers programme'],
  verificationCode: 'EV-7K3Q-M9XD-2HPA-QW4T',
  verifyAt: 'https://events.example.org/certificates/EV-7K3Q-M9XD-2HPA-QW4T',
  ...overrides,
});

describe('certificate PDF', () => {
  it.each(['Čedomir Šuštar', 'Łukasz Żółć', 'Ğülşen Öztürk', 'Ősz Győző', 'Ștefan Țurcanu', 'Жанна Ђорђевић'])(
    'keeps every letter of %s, as a PDF reader extracts it',
    async (name) => {
      const pdf = await renderCertificatePdf(certificate(name));
      const { pages } = await pdfText(pdf);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toEqual([
        'Certificate of attendance',
        'This certifies that',
        name,
        'took part in',
        'Financing social innovation (in practice)',
        'Field workshop deepening the Academy module "financing"',
        '2018-10-12, Maribor, SI',
        'Social(i)Makers programme',
        'Verification code: EV-7K3Q-M9XD-2HPA-QW4T',
        'Verify at https://events.example.org/certificates/EV-7K3Q-M9XD-2HPA-QW4T',
      ]);
    },
  );

  it('embeds a Unicode font instead of naming a standard Latin-1 one', async () => {
    const raw = (await renderCertificatePdf(certificate('Čedomir Šuštar'))).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/ToUnicode');
    expect(raw).not.toContain('/Helvetica');
    expect(raw).not.toContain('WinAnsiEncoding');
  });

  it('sets a long name smaller instead of cutting it', async () => {
    const name = 'Maria Magdalena Čehovin Zupančič-Štrukelj von Hohenberg-Ljubljanska in Mariborska';
    const { pages } = await pdfText(await renderCertificatePdf(certificate(name)));
    expect(pages[0]).toContain(name);
  });
});

describe('verification codes', () => {
  it('are random, typeable, and read back from what a person types', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^EV-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(newVerificationCode()).not.toBe(code);
    expect(normaliseVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });
});
