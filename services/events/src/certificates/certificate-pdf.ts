import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';

export interface CertificateText {
  heading: string;
  participant: string;
  activity: string;
  details: string[];
  verificationCode: string;
  verifyAt: string;
}

// DejaVu Sans (from the dejavu-fonts-ttf package; Bitstream Vera licence, free to embed) covers
// every Latin, Greek and Cyrillic letter the partner countries' names use: č, ő, ł, ğ, ș, ж. The PDF
// standard fonts cover Latin-1 only. pdfkit embeds the subset of glyphs a certificate uses, with a
// ToUnicode map, so the names can also be searched and copied from the PDF.
const FONT_FILES = { regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf', bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf' } as const;
let fonts: Record<keyof typeof FONT_FILES, Buffer> | undefined;

function loadFonts(): Record<keyof typeof FONT_FILES, Buffer> {
  fonts ??= { regular: readFileSync(require.resolve(FONT_FILES.regular)), bold: readFileSync(require.resolve(FONT_FILES.bold)) };
  return fonts;
}

const PAGE = { width: 842, height: 595 }; // A4 landscape, in points
const MARGIN = 70;

interface Line {
  text: string;
  size: number;
  /** Baseline distance from the top of the page. */
  top: number;
  bold?: boolean;
}

/** A one-page certificate of attendance (A4 landscape) with the participant's name as written. */
export function renderCertificatePdf(text: CertificateText): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: MARGIN, info: { Title: `${text.heading}: ${text.participant}`, Author: 'Social(i)Makers' } });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const lines: Line[] = [
    { size: 30, top: 125, text: text.heading, bold: true },
    { size: 14, top: 175, text: 'This certifies that' },
    { size: 24, top: 210, text: text.participant, bold: true },
    { size: 14, top: 245, text: 'took part in' },
    { size: 20, top: 280, text: text.activity, bold: true },
    ...text.details.map((detail, i) => ({ size: 12, top: 315 + i * 18, text: detail })),
    { size: 10, top: 505, text: `Verification code: ${text.verificationCode}` },
    { size: 10, top: 521, text: `Verify at ${text.verifyAt}` },
  ];
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const line of lines) {
    doc.font(line.bold ? 'bold' : 'regular');
    // A long name or title is set smaller rather than wrapped or cut, so it stays whole on one line.
    const size = fittingSize(doc, line.text, line.size, PAGE.width - 2 * MARGIN);
    doc.fontSize(size).text(line.text, MARGIN, line.top - size, { lineBreak: false });
  }
  doc.end();
  return done;
}

function fittingSize(doc: PDFKit.PDFDocument, text: string, size: number, width: number): number {
  const natural = doc.fontSize(size).widthOfString(text);
  return natural <= width ? size : Math.max(6, Math.floor((size * width) / natural));
}
