import { pdfString, renderCertificatePdf } from '../certificate-pdf';
import { newVerificationCode, normaliseVerificationCode } from '../verification-code';

describe('certificate PDF', () => {
  it('has a cross-reference table whose offsets point at its objects', () => {
    const pdf = renderCertificatePdf({ heading: 'Certificate', participant: 'Jana Zupančič', activity: 'A (b)', details: ['x'], verificationCode: 'EV-1', verifyAt: 'http://x' }).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(pdf).toContain('(Jana Zupancic)');
  });

  it('escapes PDF string delimiters and keeps Latin-1 letters', () => {
    expect(pdfString('a(b)\\ Müller Šega')).toBe('a\\(b\\)\\\\ Müller Sega');
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
