export interface CertificateText {
  heading: string;
  participant: string;
  activity: string;
  details: string[];
  verificationCode: string;
  verifyAt: string;
}

/**
 * A one-page PDF (A4 landscape, Helvetica) written by hand: a certificate is a few lines of text,
 * which does not justify a PDF library. The standard fonts cover Latin-1 only, so letters such as
 * č or ő are written without their accents rather than as garbage.
 */
export function renderCertificatePdf(text: CertificateText): Buffer {
  const lines: Array<{ size: number; y: number; text: string; bold?: boolean }> = [
    { size: 30, y: 470, text: text.heading, bold: true },
    { size: 14, y: 420, text: 'This certifies that' },
    { size: 24, y: 385, text: text.participant, bold: true },
    { size: 14, y: 350, text: 'took part in' },
    { size: 20, y: 315, text: text.activity, bold: true },
    ...text.details.map((detail, i) => ({ size: 12, y: 280 - i * 18, text: detail })),
    { size: 10, y: 90, text: `Verification code: ${text.verificationCode}` },
    { size: 10, y: 74, text: `Verify at ${text.verifyAt}` },
  ];
  const content = lines
    .map((line) => `BT /${line.bold ? 'F2' : 'F1'} ${line.size} Tf 70 ${line.y} Td (${pdfString(line.text)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PDF literal string: Latin-1, with backslash and parentheses escaped. */
export function pdfString(text: string): string {
  const latin1 = [...text.normalize('NFC')]
    .map((char) => (char.charCodeAt(0) <= 0xff ? char : char.normalize('NFD').replace(/[\u0300-\u036f]/g, '')))
    .map((char) => (char.charCodeAt(0) <= 0xff ? char : '?'))
    .join('');
  return latin1.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
