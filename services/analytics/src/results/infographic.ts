import type { HeadlineFigures } from './report';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const number = (n: number) => n.toLocaleString('en-GB');

const WIDTH = 800;
const HEADER = 330;
const ROW = 34;

/**
 * The one-page results infographic partners print or post: the headline figures and, per country, the
 * Academy learners and the participants of workshops, festivals and webinars. Plain SVG (no script, no
 * external font or image), so it renders the same in a browser, a print dialog or a social network.
 */
export function infographicSvg(figures: HeadlineFigures): string {
  const countries = figures.perCountry;
  const height = HEADER + 70 + Math.max(1, countries.length) * ROW + 60;
  const max = Math.max(1, ...countries.map((c) => Math.max(c.learners, c.participants)));
  const barWidth = 270;
  const tiles = [
    { value: figures.learnersEnrolled, label: 'Academy learners enrolled' },
    { value: figures.workshops.held, label: 'field workshops', sub: `${number(figures.workshops.participants)} participants` },
    { value: figures.festivals.held, label: 'festivals', sub: `${number(figures.festivals.visitors)} visitors` },
    { value: figures.webinars.held, label: 'webinars', sub: `${number(figures.webinars.participants)} participants` },
  ];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" role="img" aria-labelledby="title">`,
    `<title id="title">Social(i)Makers results ${escapeXml(figures.period.from)} to ${escapeXml(figures.period.to)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<rect width="${WIDTH}" height="110" fill="#1d4e89"/>`,
    `<text x="40" y="58" font-size="34" font-weight="bold" fill="#ffffff">Social(i)Makers: our results</text>`,
    `<text x="40" y="90" font-size="18" fill="#dbe7f5">${escapeXml(figures.period.from)} to ${escapeXml(figures.period.to)}</text>`,
  ];
  tiles.forEach((tile, i) => {
    const x = 40 + (i % 2) * 370;
    const y = 140 + Math.floor(i / 2) * 95;
    parts.push(
      `<rect x="${x}" y="${y}" width="350" height="80" rx="10" fill="#eef3fa"/>`,
      `<text x="${x + 20}" y="${y + 48}" font-size="36" font-weight="bold" fill="#1d4e89" data-figure="${escapeXml(tile.label)}">${number(tile.value)}</text>`,
      `<text x="${x + 150}" y="${y + 36}" font-size="17" fill="#333333">${escapeXml(tile.label)}</text>`,
    );
    if (tile.sub) parts.push(`<text x="${x + 150}" y="${y + 60}" font-size="15" fill="#555555">${escapeXml(tile.sub)}</text>`);
  });
  parts.push(
    `<text x="40" y="${HEADER + 20}" font-size="20" font-weight="bold" fill="#1d4e89">Per country</text>`,
    `<rect x="440" y="${HEADER + 6}" width="14" height="14" fill="#1d4e89"/><text x="460" y="${HEADER + 18}" font-size="14" fill="#333333">Academy learners</text>`,
    `<rect x="600" y="${HEADER + 6}" width="14" height="14" fill="#f29e4c"/><text x="620" y="${HEADER + 18}" font-size="14" fill="#333333">participants</text>`,
  );
  countries.forEach((row, i) => {
    const y = HEADER + 50 + i * ROW;
    const learners = Math.round((row.learners / max) * barWidth);
    const participants = Math.round((row.participants / max) * barWidth);
    parts.push(
      `<text x="40" y="${y + 20}" font-size="16" font-weight="bold" fill="#333333">${escapeXml(row.country)}</text>`,
      `<rect x="90" y="${y + 4}" width="${learners}" height="12" fill="#1d4e89"/>`,
      `<text x="${96 + learners}" y="${y + 15}" font-size="12" fill="#333333">${number(row.learners)}</text>`,
      `<rect x="90" y="${y + 18}" width="${participants}" height="12" fill="#f29e4c"/>`,
      `<text x="${96 + participants}" y="${y + 29}" font-size="12" fill="#333333">${number(row.participants)}</text>`,
    );
  });
  if (countries.length === 0) parts.push(`<text x="40" y="${HEADER + 70}" font-size="16" fill="#555555">No activity in this period.</text>`);
  parts.push(`<text x="40" y="${height - 25}" font-size="13" fill="#777777">Counted from the platform's event streams. Participants: named attendances plus walk-ins.</text>`, `</svg>`);
  return parts.join('\n');
}

/** The same infographic as a printable HTML page (A4, no margins lost to the browser's chrome). */
export function infographicHtml(figures: HeadlineFigures): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Social(i)Makers results ${escapeXml(figures.period.from)} to ${escapeXml(figures.period.to)}</title>
<style>
  @page { size: A4; margin: 10mm; }
  body { margin: 0; display: flex; justify-content: center; background: #f4f6f9; }
  main { background: #fff; }
  svg { width: 100%; height: auto; max-width: 800px; display: block; }
  @media print { body { background: #fff; } }
</style>
</head>
<body><main>
${infographicSvg(figures)}
</main></body>
</html>
`;
}
