import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useCodes } from '../../codes.tsx';
import { Select, TextField } from '../../ui/form.tsx';
import { useDashboardText, type DashboardKey } from './messages.ts';
import type { Dimensions, Indicator } from './types.ts';
import { careFilters, socialFilters, unitFilters, type View } from './view.ts';

const diagnosisGroups = ['type2_diabetes', 'copd', 'heart_disease', 'cancer', 'musculoskeletal', 'other'];
const supportLevels = ['self_managed', 'standard', 'extended'];

/** Offers, teams and places to filter by, with their names (inactive offers too: last year's courses ran on them). */
export interface Units { offer: { value: string; label: string }[]; team: { value: string; label: string }[]; place: { value: string; label: string }[] }

export async function loadUnits(): Promise<Units> {
  const [offers, teams, places] = await Promise.all([
    api.get<{ offers: { id: string; internalName: string }[] }>('/api/offers?inactive=true'),
    api.get<{ teams: { id: string; name: string; startsOn: string | null }[] }>('/api/equity/teams'),
    api.get<{ places: { id: string; name: string }[] }>('/api/places'),
  ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'da');
  const day = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    offer: offers.offers.map((o) => ({ value: o.id, label: o.internalName })).sort(byLabel),
    team: teams.teams.map((t) => ({ value: t.id, label: t.startsOn ? `${t.name} (${day.format(new Date(`${t.startsOn}T12:00:00Z`))})` : t.name })),
    place: places.places.map((p) => ({ value: p.id, label: p.name })).sort(byLabel),
  };
}

/** The period, the breakdown and the filters; "Vis" puts them in the address (a shareable link). */
export function FilterPanel({ view, dims, indicators, units, onApply }: { view: View; dims: Dimensions; indicators: Indicator[]; units: Units; onApply(v: View): void }) {
  const t = useDashboardText();
  const codes = useCodes();
  const [draft, setDraft] = useState(view);
  const set = (patch: Partial<View>) => setDraft((d) => ({ ...d, ...patch }));
  const setFilter = (name: string, value: string) => setDraft((d) => {
    const filters = { ...d.filters };
    if (value) filters[name] = value; else delete filters[name];
    return { ...d, filters };
  });
  const submit = (e: FormEvent) => { e.preventDefault(); onApply(draft); };
  const all = { value: '', label: t('all') };
  const careOptions: Record<(typeof careFilters)[number], { value: string; label: string }[]> = {
    referralSource: codes.valueSets.referralSources.map((c) => ({ value: c.code, label: c.display })),
    diagnosisGroup: diagnosisGroups.map((g) => ({ value: g, label: t(`diagnosis.${g}` as DashboardKey) })),
    supportLevel: supportLevels.map((g) => ({ value: g, label: t(`support.${g}` as DashboardKey) })),
  };
  const noErrors = {};
  return (
    <form className="dashboard-filters" onSubmit={submit} aria-labelledby="dashboard-filters">
      <h2 id="dashboard-filters">{t('filters')}</h2>
      <div className="field-row">
        <TextField id="from" type="date" label={t('from')} value={draft.from} onChange={(v) => set({ from: v })} errors={noErrors} />
        <TextField id="to" type="date" label={t('to')} value={draft.to} onChange={(v) => set({ to: v })} errors={noErrors} />
        <Select id="dimension" label={t('dimension')} value={draft.dimension} onChange={(v) => set({ dimension: v })} errors={noErrors}
          options={dims.dimensions.map((d) => ({ value: d.key, label: d.label }))} />
        <Select id="step" label={t('step')} value={draft.step} onChange={(v) => set({ step: v })} errors={noErrors}
          options={dims.steps.slice(1).map((s) => ({ value: s.key, label: s.label }))} />
        <Select id="base" label={t('base')} value={draft.base} onChange={(v) => set({ base: v as View['base'] })} errors={noErrors}
          options={[{ value: 'previous', label: t('base.previous') }, { value: 'referred', label: t('base.referred') }]} />
      </div>
      <div className="field-row">
        {careFilters.map((f) => (
          <Select key={f} id={`filter-${f}`} label={t(`filter.${f}`)} value={draft.filters[f] ?? ''} onChange={(v) => setFilter(f, v)} errors={noErrors} optional
            options={[all, ...careOptions[f]]} />
        ))}
        {unitFilters.map((f) => (
          <Select key={f} id={`filter-${f}`} label={t(`filter.${f}`)} value={draft.filters[f] ?? ''} onChange={(v) => setFilter(f, v)} errors={noErrors} optional
            options={[all, ...units[f]]} />
        ))}
        {dims.dimensions.filter((d) => d.key !== draft.dimension).map((d) => (
          <Select key={d.key} id={`filter-${d.key}`} label={d.label} value={draft.filters[socialFilters[d.key]!] ?? ''} onChange={(v) => setFilter(socialFilters[d.key]!, v)} errors={noErrors} optional
            options={[all, ...d.groups.map((g) => ({ value: g.value, label: g.label }))]} />
        ))}
      </div>
      <div className="field-row">
        <Select id="indicator" label={t('indicator')} value={draft.indicator} onChange={(v) => set({ indicator: v })} errors={noErrors}
          options={indicators.map((i) => ({ value: i.key, label: i.name }))} />
        <Select id="by" label={t('funnelBy')} value={draft.by} onChange={(v) => set({ by: v })} errors={noErrors}
          options={[...careFilters, ...unitFilters].map((f) => ({ value: f, label: t(`filter.${f}`) }))} />
      </div>
      <p className="button-row"><button type="submit" className="button button-primary">{t('apply')}</button></p>
    </form>
  );
}
