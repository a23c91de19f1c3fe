import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { TableScroll } from '../../ui/form.tsx';
import type { Domain, Value } from './types.ts';

/** Fill and a pattern-free cue (the status word in the segment) so colour is never the only signal. */
const fill: Record<Domain['status'], string> = { unknown: '#f5f5f5', ok: '#d5ead8', info: '#dbe9f7', attention: '#fce3b0', concern: '#f4c2c2' };
const R = 190;
const C = 200;

const point = (angle: number, r: number) => [C + r * Math.sin(angle), C - r * Math.cos(angle)] as const;

/** The conversation wheel: six equal segments (body, everyday life, mental health, health behaviour, network, resources). */
export function Wheel({ domains }: { domains: Domain[] }) {
  const { t } = useI18n();
  const step = (2 * Math.PI) / Math.max(domains.length, 1);
  return (
    <figure className="wheel">
      <svg viewBox="0 0 400 400" role="img" aria-labelledby="wheel-caption" className="wheel-chart">
        {domains.map((d, i) => {
          const [x1, y1] = point(i * step, R);
          const [x2, y2] = point((i + 1) * step, R);
          const [tx, ty] = point((i + 0.5) * step, R * 0.6);
          return (
            <g key={d.domain}>
              <path d={`M${C},${C} L${x1},${y1} A${R},${R} 0 0 1 ${x2},${y2} Z`} fill={fill[d.status]} stroke="#1a1a1a" strokeWidth="1.5" />
              <text x={tx} y={ty - 8} textAnchor="middle" fontSize="13" fontWeight="600" fill="#1a1a1a">{d.label}</text>
              <text x={tx} y={ty + 10} textAnchor="middle" fontSize="12" fill="#1a1a1a">{t(`wheel.${d.status}` as MessageKey)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption id="wheel-caption" className="meta">{t('cv.wheelCaption')}</figcaption>
    </figure>
  );
}

const show = (v: Value): string => (Array.isArray(v) ? v.join(', ') : v === null ? '–' : String(v));

/** The same as the wheel, as a table: each domain's results, previous values and findings. */
export function WheelTable({ domains }: { domains: Domain[] }) {
  const { t, date, number } = useI18n();
  return (
    <TableScroll label={t('cv.wheel')}>
      <table className="table table--compact">
        <caption className="sr-only">{t('cv.wheel')}</caption>
        <thead><tr><th scope="col">{t('cv.domain')}</th><th scope="col">{t('cv.status')}</th><th scope="col">{t('cv.results')}</th><th scope="col">{t('cv.flags')}</th></tr></thead>
        <tbody>
          {domains.map((d) => (
            <tr key={d.domain}>
              <th scope="row">{d.label}</th>
              <td><span className={`wheel-badge wheel-${d.status}`}>{t(`wheel.${d.status}` as MessageKey)}</span></td>
              <td>
                {d.instruments.length === 0 && d.measurements.length === 0 ? t('cv.noData') : (
                  <ul className="nobullet-list compact-list">
                    {d.instruments.map((i) => (
                      <li key={i.instrument}>
                        <strong>{i.instrument}</strong>{i.score !== null ? ` – ${t('cv.score', { score: number(i.score) })}` : ''}
                        {Object.keys(i.values).length > 0 && <span className="meta"> ({Object.entries(i.values).map(([k, v]) => `${k}: ${show(v)}`).join('; ')})</span>}
                        {i.previous && <span className="meta"> – {t('cv.previousValue', { value: i.previous.score === null ? '–' : number(i.previous.score), date: date(i.previous.completedAt) })}</span>}
                      </li>
                    ))}
                    {d.measurements.map((m) => (
                      <li key={m.measure}>
                        <strong>{t(`measure.${m.measure}` as MessageKey)}</strong> {number(m.value)} {m.unit}{m.category ? ` (${m.category})` : ''}
                        {m.previous && <span className="meta"> – {t('cv.previousValue', { value: number(m.previous.value), date: date(m.previous.effectiveAt) })}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{d.flags.length ? <ul className="compact-list">{d.flags.map((f) => <li key={f.code}>{f.message}</li>)}</ul> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
