import PDFDocument from 'pdfkit';

export interface PdfSection { heading: string; lines: string[] }

/** A plain, readable A4 document: title, a line under it, then sections of text lines. */
export function renderPdf(title: string, subtitle: string, sections: readonly PdfSection[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Producer: 'Ligevej' }, lang: 'da-DK' } as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(18).text(title);
    doc.font('Helvetica').fontSize(10).fillColor('#444444').text(subtitle).moveDown();
    for (const s of sections) {
      doc.fillColor('#000000').font('Helvetica-Bold').fontSize(13).text(s.heading).moveDown(0.3);
      doc.font('Helvetica').fontSize(9);
      if (s.lines.length === 0) doc.text('—');
      for (const line of s.lines) doc.text(line);
      doc.moveDown();
    }
    doc.end();
  });
}
