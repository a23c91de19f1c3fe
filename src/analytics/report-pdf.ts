import PDFDocument from 'pdfkit';
import type { Estimate } from '../statistics/estimate.ts';
import type { ReportData } from './report-data.ts';
import type { CascadeOut } from './equity-schemas.ts';
import type { EffectsOut } from './equity-detail-schemas.ts';
import { reportMethodNotes, reportSuppressionNotes } from './report-text.ts';

type Doc = PDFKit.PDFDocument;
type Cell = { count: number | null; hidden: 'small' | 'complementary' | null };

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - MARGIN;
const colours = ['#0059b3', '#b35900', '#1b7a34', '#7b1fa2', '#4d4d4d', '#c2185b', '#00697a', '#8d6e00'];

/** Helvetica's WinAnsi has no minus sign or ≥: the few characters it lacks are written plainly. */
const plain = (s: string) => s.replaceAll('−', '-').replaceAll('≥', '>=').replaceAll('≤', '<=').replaceAll('→', '->');
const num = (v: number, digits = 1) => v.toLocaleString('da-DK', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const pct = (p: number | null) => (p === null ? '–' : `${num(p * 100)} %`);
const est = (e: Estimate, scale = 100, unit = ' %', digits = 1) => (e.value === null ? '–'
  : `${num(e.value * scale, digits)}${unit}${e.ciLow !== null && e.ciHigh !== null ? ` (${num(e.ciLow * scale, digits)} til ${num(e.ciHigh * scale, digits)})` : ''}`);
const count = (c: Cell, threshold: number) => (c.hidden === 'small' ? `<${threshold}` : c.hidden === 'complementary' || c.count === null ? '–' : String(c.count));

function heading(doc: Doc, text: string, size = 14): void {
  if (doc.y > BOTTOM - 80) doc.addPage();
  doc.moveDown(0.6).fillColor('#000').font('Helvetica-Bold').fontSize(size).text(plain(text), MARGIN, doc.y, { width: WIDTH }).moveDown(0.3);
  doc.font('Helvetica').fontSize(9);
}

function paragraph(doc: Doc, text: string): void {
  doc.fillColor('#000').font('Helvetica').fontSize(9.5).text(plain(text), MARGIN, doc.y, { width: WIDTH }).moveDown(0.4);
}

/** A table of text cells; the first column is wider; a new page repeats the header. */
function table(doc: Doc, columns: string[], rows: string[][], firstWidth = 150): void {
  const rest = (WIDTH - firstWidth) / Math.max(columns.length - 1, 1);
  const widths = columns.map((_, i) => (i === 0 ? firstWidth : rest));
  const row = (cells: string[], bold: boolean) => {
    const font = () => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    font();
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(plain(c), { width: widths[i]! - 4 }))) + 4;
    if (doc.y + h > BOTTOM) { doc.addPage(); if (!bold) row(columns, true); font(); }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => { doc.fillColor('#000').text(plain(c), x + 2, y + 2, { width: widths[i]! - 4 }); x += widths[i]!; });
    doc.moveTo(MARGIN, y + h).lineTo(MARGIN + WIDTH, y + h).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  row(columns, true);
  for (const r of rows) row(r, false);
  doc.moveDown(0.6);
}

/** Vertical grouped bars, values 0-1 (the cascade by group). */
function bars(doc: Doc, categories: string[], series: string[], values: (number | null)[][]): void {
  const height = 170;
  if (doc.y + height + 40 > BOTTOM) doc.addPage();
  const top = doc.y + 5, bottom = top + height, left = MARGIN + 30;
  const slot = (WIDTH - 30) / categories.length;
  const bar = (slot - 10) / Math.max(series.length, 1);
  doc.font('Helvetica').fontSize(7).fillColor('#000');
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    const y = bottom - v * height;
    doc.moveTo(left, y).lineTo(MARGIN + WIDTH, y).lineWidth(0.3).strokeColor('#dddddd').stroke();
    doc.text(`${v * 100} %`, MARGIN, y - 3, { width: 26, align: 'right' });
  }
  categories.forEach((c, ci) => {
    series.forEach((_, si) => {
      const v = values[ci]?.[si];
      if (v === null || v === undefined) return;
      doc.rect(left + ci * slot + 5 + si * bar, bottom - v * height, bar - 1, v * height).fill(colours[si % colours.length]!);
    });
    doc.fillColor('#000').text(plain(c), left + ci * slot, bottom + 4, { width: slot, align: 'center' });
  });
  let x = left;
  const y = bottom + 24;
  series.forEach((s, si) => { doc.rect(x, y, 7, 7).fill(colours[si % colours.length]!); doc.fillColor('#000').text(plain(s), x + 10, y, { lineBreak: false }); x += 20 + doc.widthOfString(plain(s)); });
  doc.x = MARGIN;
  doc.y = y + 18;
}

/** A p-chart: monthly rate with the centre line and 3-sigma limits. */
function runChart(doc: Doc, points: { label: string; rate: number | null; lower: number | null; upper: number | null }[], centre: number | null, target: number | null): void {
  const height = 110;
  if (doc.y + height + 30 > BOTTOM) doc.addPage();
  const top = doc.y + 5, bottom = top + height, left = MARGIN + 30, w = WIDTH - 30;
  const x = (i: number) => left + (w * (i + 0.5)) / Math.max(points.length, 1);
  const y = (v: number) => bottom - Math.min(1, Math.max(0, v)) * height;
  doc.font('Helvetica').fontSize(7).fillColor('#000');
  for (const v of [0, 0.5, 1]) { doc.moveTo(left, y(v)).lineTo(left + w, y(v)).lineWidth(0.3).strokeColor('#dddddd').stroke(); doc.text(`${v * 100} %`, MARGIN, y(v) - 3, { width: 26, align: 'right' }); }
  if (centre !== null) doc.moveTo(left, y(centre)).lineTo(left + w, y(centre)).lineWidth(0.8).strokeColor('#4d4d4d').stroke();
  if (target !== null) doc.moveTo(left, y(target)).lineTo(left + w, y(target)).dash(4, { space: 3 }).lineWidth(0.8).strokeColor('#1b7a34').stroke().undash();
  const step = w / Math.max(points.length, 1);
  for (const side of ['lower', 'upper'] as const) points.forEach((p, i) => { const v = p[side]; if (v !== null) doc.moveTo(x(i) - step / 2, y(v)).lineTo(x(i) + step / 2, y(v)).lineWidth(0.6).strokeColor('#b35900').stroke(); });
  let started = false;
  points.forEach((p, i) => { if (p.rate === null) { started = false; return; } if (started) doc.lineTo(x(i), y(p.rate)); else doc.moveTo(x(i), y(p.rate)); started = true; });
  doc.lineWidth(1.2).strokeColor('#0059b3').stroke();
  points.forEach((p, i) => { if (p.rate !== null) doc.circle(x(i), y(p.rate), 1.8).fill('#0059b3'); });
  points.forEach((p, i) => { if (i % 2 === 0) doc.fillColor('#000').text(p.label.slice(2), x(i) - 15, bottom + 3, { width: 30, align: 'center' }); });
  doc.x = MARGIN;
  doc.y = bottom + 16;
}

/** What a measure's effect table shows and what counts as an important improvement. */
export function effectCaption(m: EffectsOut['measures'][number]): string {
  if (m.kind === 'proportion') return 'ændring i andelen, der ryger (procentpoint, Newcombes parrede 95 %-KI); vigtig forbedring = holdt op med at ryge; forskel = gruppens ændring minus referencegruppens (normaltilnærmelse).';
  const threshold = m.relative ? `${num(m.minimalImportantChange * 100)} %` : `${num(m.minimalImportantChange)} ${m.unit}`;
  return `gennemsnitlig ændring (${m.unit}, t-baseret 95 %-KI); vigtig forbedring = mindst ${threshold} ${m.higherIsBetter ? 'højere' : 'lavere'}; forskel = gruppens ændring minus referencegruppens (Welchs 95 %-KI).`;
}

/** The largest gap below the reference group at any step, as a sentence. */
export function summarySentence(c: CascadeOut): string {
  const label = (v: string) => c.groups.find((g) => g.value === v)?.label ?? v;
  const gaps = c.comparisons.flatMap((s) => s.groups.filter((g) => !g.isReference && g.difference.value !== null && s.reference !== null).map((g) => ({ s, g })));
  const worst = gaps.sort((a, b) => a.g.difference.value! - b.g.difference.value!)[0];
  if (!worst || Math.round(worst.g.difference.value! * 100) === 0) return 'Der er ikke tal nok til at påvise forskelle mellem grupperne, eller der er ingen forskel.';
  const d = worst.g.difference;
  const step = c.steps.find((s) => s.key === worst.s.step)?.label ?? worst.s.step;
  const less = d.value! < 0;
  const [lo, hi] = (less ? [-d.ciHigh!, -d.ciLow!] : [d.ciLow!, d.ciHigh!]).map((v) => Math.round(v * 100)) as [number, number];
  return `Den største forskel er ved trinnet »${step}«: borgere i gruppen »${label(worst.g.value)}« nåede trinnet ${Math.round(Math.abs(d.value!) * 100)} procentpoint ${less ? 'sjældnere' : 'oftere'} end borgere i gruppen »${label(worst.s.reference!)}« (95 %-KI ${lo < 0 ? `${lo} til ${hi}` : `${lo}–${hi}`}), regnet ud af dem, der nåede det forrige trin.`;
}

/** The annual report (Danish): all figures of the dashboard for one calendar year, the method notes and the suppression applied. */
export function renderReportPdf(data: ReportData, generatedAt: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const title = `Årsrapport ${data.year}: lighed i forebyggelsesforløbene`;
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Producer: 'Ligevej', Author: data.municipality }, lang: 'da-DK', bufferPages: true } as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const { cascade, disclosure } = { cascade: data.cascade, disclosure: data.cascade.disclosure };
    const th = disclosure.threshold;
    const filters = Object.entries(cascade.filters).map(([k, v]) => `${k} = ${v}`).join(', ');

    doc.font('Helvetica-Bold').fontSize(20).text(plain(title));
    doc.font('Helvetica').fontSize(10).fillColor('#444').text(plain(`${data.municipality} · Forebyggelsesforløb efter sundhedslovens § 119 · Henvisninger modtaget 1.1.–31.12.${data.year}`));
    doc.text(plain(`Opdelt efter ${cascade.dimension.label.toLowerCase()}${filters ? ` · Filtre: ${filters}` : ''} · Dannet ${generatedAt.toISOString().slice(0, 10)} af Ligevej`)).moveDown();

    heading(doc, '1. Sammenfatning');
    paragraph(doc, summarySentence(cascade));
    const referred = cascade.total.counts[0]!;
    paragraph(doc, `I alt ${count(referred, th)} henvisninger i ${data.year}. ${disclosure.suppressed ? `Små tal (1 til ${th - 1}) er skjult, som beskrevet i afsnit 9.` : 'Rapporten viser alle tal (modtageren har adgang til journalerne).'}`);

    heading(doc, '2. Forløbet trin for trin');
    paragraph(doc, 'Figur 1. Andel af hver gruppe, der nåede trinnet, ud af alle henviste i gruppen.');
    const known = data.cascadeFromReferred.groups.filter((g) => g.known);
    const steps = data.cascadeFromReferred.steps.slice(1);
    bars(doc, steps.map((s) => s.label), known.map((g) => g.label),
      steps.map((s) => known.map((g) => data.cascadeFromReferred.comparisons.find((c) => c.step === s.key)?.groups.find((x) => x.value === g.value)?.rate.value ?? null)));
    paragraph(doc, 'Tabel 1. Antal borgere, der nåede hvert trin.');
    table(doc, [cascade.dimension.label, ...cascade.steps.map((s) => s.label)], [
      ...cascade.groups.map((g) => [g.label, ...g.counts.map((c) => count(c, th))]),
      ['I alt', ...cascade.total.counts.map((c) => count(c, th))],
      ['Andel med ukendt social position', ...cascade.unknown.map((u) => pct(u.share))],
    ], 130);

    heading(doc, '3. Forskelle til referencegruppen');
    paragraph(doc, 'Tabel 2. Andel, der nåede trinnet, ud af dem, der nåede det forrige trin, med 95 %-konfidensinterval (Wilson), forskel i procentpoint (Newcombe) og forhold (Katz) til referencegruppen.');
    const label = (v: string) => cascade.groups.find((g) => g.value === v)?.label ?? v;
    table(doc, ['Trin og gruppe', 'n', 'Andel (95 %-KI)', 'Forskel, pp (95 %-KI)', 'Forhold (95 %-KI)'],
      cascade.comparisons.flatMap((c) => c.groups.map((g) => [
        `${cascade.steps.find((s) => s.key === c.step)?.label}: ${label(g.value)}${g.isReference ? ' (reference)' : ''}${g.uncertain ? ' *' : ''}`,
        g.n === null ? '–' : String(g.n), est(g.rate), g.isReference ? '–' : est(g.difference, 100, ''), g.isReference ? '–' : est(g.ratio, 1, ''),
      ])), 170);
    paragraph(doc, '* Færre end 20 personer: usikkert tal.');
    const completed = cascade.comparisons.find((c) => c.step === 'completed')!;
    paragraph(doc, 'Tabel 3. Samlede ulighedsmål for trinnet »Gennemført« (pp = procentpoint).');
    const scaled = new Set(['d', 'sii', 'aci', 'par', 'mdm', 'mdb']);
    if (completed.measuresHidden) paragraph(doc, 'Målene er skjult, fordi de ellers ville afsløre et lille tal.');
    else table(doc, ['Mål', 'Værdi (95 %-KI)'], Object.entries(completed.measures).map(([k, e]) => [k.toUpperCase(), scaled.has(k) ? est(e, 100, ' pp') : est(e, 1, '', 3)]), 150);

    heading(doc, '4. Frafald og årsager');
    paragraph(doc, 'Tabel 4. Frafald efter KL\'s afslutningsårsager, antal og andel af gruppens frafald.');
    const d = data.dropout;
    table(doc, ['Gruppe', 'Frafald', ...d.reasons.map((r) => r.label)],
      [...d.groups, { label: 'I alt', ...d.total }].map((g) => [g.label, count(g.total, th),
        ...d.reasons.map((r) => { const c = g.reasons.find((x) => x.reason === r.code); return c ? `${count(c, th)}${c.share !== null ? ` (${pct(c.share)})` : ''}` : '0'; })]), 100);

    heading(doc, '5. Ventetid');
    paragraph(doc, 'Tabel 5. Dage fra henvisning til første kontakt og til start: median og kvartiler.');
    const q = (x: { n: number | null; hidden: Cell['hidden']; p25: number | null; median: number | null; p75: number | null }) =>
      [count({ count: x.n, hidden: x.hidden }, th), x.median === null ? '–' : `${num(x.median)} (${num(x.p25 ?? 0)}–${num(x.p75 ?? 0)})`];
    table(doc, ['Gruppe', 'n, kontakt', 'Til kontakt, median (IQR)', 'n, start', 'Til start, median (IQR)'],
      [...data.waiting.groups, { label: 'I alt', ...data.waiting.total }].map((g) => [g.label, ...q(g.toContact), ...q(g.toStart)]), 150);

    heading(doc, '6. Effekt for grupperne');
    paragraph(doc, 'Ændringen for hvert mål fra start til slut (blandt dem, der gennemførte) og fra start til opfølgning (blandt dem, der gennemførte og blev fulgt op). Kun borgere med begge målinger tæller; antallet uden vises i kolonnen »Mangler«.');
    let tableNumber = 6;
    for (const effects of data.effects) {
      heading(doc, `6.${data.effects.indexOf(effects) + 1} ${effects.timePointLabel}`, 11);
      for (const m of effects.measures) {
        paragraph(doc, `Tabel ${tableNumber++}. ${m.label}, ${effects.timePointLabel.toLowerCase()}: ${effectCaption(m)}`);
        const change = (e: Estimate) => (m.kind === 'proportion' ? est(e, 100, ' pp') : est(e, 1, ''));
        const reference = m.groups.find((g) => g.isReference)?.label;
        table(doc, ['Gruppe', 'Par', 'Mangler', 'Ændring (95 %-KI)', 'Vigtig forbedring (95 %-KI)', ...(reference ? [`Forskel til »${reference}« (95 %-KI)`] : [])],
          [...m.groups, { label: 'I alt', effect: m.total, isReference: false, difference: null }].map((g) => [g.label, count(g.effect.pairs, th), count(g.effect.missing, th),
            change(g.effect.meanChange), est(g.effect.improvedShare), ...(reference ? [g.isReference ? 'reference' : g.difference ? change(g.difference) : '–'] : [])]), 150);
      }
    }

    heading(doc, '7. Kvalitetsindikatorer');
    for (const r of data.runCharts) {
      const outside = r.months.filter((m) => m.signal === 'above' || m.signal === 'below').length;
      heading(doc, r.indicator.name, 11);
      paragraph(doc, `${r.indicator.description} Mål: ${pct(r.indicator.target)}. Samlet: ${pct(r.centre)}; ${outside} af ${r.months.length} måneder uden for kontrolgrænserne (p-kort, 3 sigma).`);
      runChart(doc, r.months.map((m) => ({ label: m.month, rate: m.rate, lower: m.limits?.lower ?? null, upper: m.limits?.upper ?? null })), r.centre, r.indicator.target);
    }

    heading(doc, '8. Metode');
    for (const note of reportMethodNotes) paragraph(doc, note);

    heading(doc, '9. Små tal og diskretion');
    for (const note of reportSuppressionNotes(disclosure)) paragraph(doc, note);

    const pages = doc.bufferedPageRange();
    for (let i = 0; i < pages.count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page
      doc.font('Helvetica').fontSize(7).fillColor('#666').text(plain(`${title} · side ${i + 1} af ${pages.count}`), MARGIN, 841.89 - 35, { width: WIDTH, align: 'center', lineBreak: false });
    }
    doc.end();
  });
}
