import { isMessageKey, t, type Language } from '../shared/i18n.ts';
import type { AccessLogEntry } from './access-log.ts';
import type { CitizenExport } from './citizen-export.ts';
import type { ConsentStatus } from './consents.ts';
import { renderPdf, type PdfSection } from './pdf.ts';

const label = (lang: Language, key: string, fallback: string): string => (isMessageKey(key) ? t(lang, key) : fallback);
const when = (iso: string): string => new Intl.DateTimeFormat('da-DK', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

export const accessLogLines = (lang: Language, entries: readonly AccessLogEntry[]): string[] =>
  entries.map((e) => t(lang, 'gdpr.access_log.line', {
    at: when(e.at), actor: e.actorName ?? t(lang, 'gdpr.actor.unknown'), role: e.actorRole,
    action: label(lang, `gdpr.action.${e.action}`, e.action), resource: e.resourceType, purpose: label(lang, `gdpr.purpose.${e.purpose}`, e.purpose),
  }));

export function accessLogPdf(lang: Language, name: string, entries: readonly AccessLogEntry[], now: Date): Promise<Buffer> {
  return renderPdf(`${t(lang, 'gdpr.access_log.title')}: ${name}`, t(lang, 'gdpr.access_log.subtitle', { at: when(now.toISOString()) }),
    [{ heading: t(lang, 'gdpr.access_log.title'), lines: accessLogLines(lang, entries) }]);
}

const fieldLines = (row: Record<string, unknown>): string[] =>
  Object.entries(row).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);

export function exportPdf(lang: Language, data: CitizenExport, consents: readonly ConsentStatus[], now: Date): Promise<Buffer> {
  const sections: PdfSection[] = [
    { heading: t(lang, 'gdpr.export.citizen'), lines: fieldLines(data.citizen) },
    { heading: t(lang, 'gdpr.export.consents'), lines: consents.map((c) => `${c.purpose}: ${c.given ? '✓' : '–'} ${c.givenOn ?? ''} ${c.withdrawnOn ? `(${c.withdrawnOn})` : ''}`.trim()) },
    ...Object.entries(data.records).map(([table, rows]) => ({ heading: table, lines: rows.flatMap((r, i) => [...(i > 0 ? [''] : []), ...fieldLines(r)]) })),
    { heading: t(lang, 'gdpr.export.history'), lines: data.history.map((h) => `${when(h.replacedAt)} ${h.table} v${h.version}: ${fieldLines(h.data).join('; ')}`) },
    { heading: t(lang, 'gdpr.export.access_log'), lines: accessLogLines(lang, data.accessLog) },
  ];
  return renderPdf(t(lang, 'gdpr.export.title'), t(lang, 'gdpr.export.subtitle', { at: when(now.toISOString()) }), sections);
}
