import { execFile } from 'node:child_process';

// pdfjs-dist (Mozilla's PDF.js) ships only ES modules, which Jest's CommonJS runtime cannot load, so
// the PDF is parsed in a child Node process. It reads the PDF from stdin and prints each page's
// text lines (text items joined by baseline, top to bottom) as JSON.
const EXTRACT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n += 1) {
  const content = await (await pdf.getPage(n)).getTextContent();
  const lines = new Map();
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const y = Math.round(item.transform[5]);
    lines.set(y, (lines.get(y) ?? '') + item.str);
  }
  pages.push([...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, text]) => text));
}
process.stdout.write(JSON.stringify({ pages }));
`;

export interface PdfText {
  /** Each page's lines of text as a PDF reader extracts them. */
  pages: string[][];
}

export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', EXTRACT], { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf.js could not read the PDF: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as PdfText);
    });
    child.stdin!.end(pdf);
  });
}
