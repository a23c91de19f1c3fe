import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit with its standard (WinAnsi) fonts: every content stream
 * inflated, each TJ/Tj string decoded. Enough to check a report's headings and figures in tests
 * without a PDF reader (neither pdftotext nor pdf-parse is installed).
 */
const winAnsi: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—' };

export function pdfText(pdf: Buffer): string[] {
  const lines: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) return lines;
    const end = pdf.indexOf('\nendstream', start);
    const body = pdf.subarray(start + 7, end);
    at = end + 10;
    let content: string;
    try { content = inflateSync(body).toString('latin1'); } catch { content = body.toString('latin1'); }
    for (const m of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hex = m[1] !== undefined ? [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('') : m[2]!;
      let text = '';
      for (let i = 0; i < hex.length; i += 2) { const code = parseInt(hex.slice(i, i + 2), 16); text += winAnsi[code] ?? String.fromCharCode(code); }
      lines.push(text);
    }
  }
}
