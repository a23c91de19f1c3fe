import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { Alert, ErrorSummary, ProblemAlert, Radios, Select, TextArea, useSubmit, type Errors } from '../../ui/form.tsx';
import { Loaded, useLoad } from '../../ui/load.tsx';
import type { Guide, Literacy } from './types.ts';

/** The CHAT conversation guide: five areas with prompts, notes and a rating, an overall rating and the digital-literacy flag. */
export function LiteracyForm({ referralId, current, onSaved }: { referralId: string; current: Literacy | null; onSaved(): Promise<unknown> }) {
  const state = useLoad(() => api.get<Guide>('/api/health-literacy/guide'), []);
  return <Loaded state={state}>{(guide) => <GuideForm guide={guide} referralId={referralId} current={current} onSaved={onSaved} />}</Loaded>;
}

function GuideForm({ guide, referralId, current, onSaved }: { guide: Guide; referralId: string; current: Literacy | null; onSaved(): Promise<unknown> }) {
  const { t, lang, date } = useI18n();
  const [ratings, setRatings] = useState<Record<string, string>>(() => Object.fromEntries((current?.areas ?? []).map((a) => [a.area, String(a.rating)])));
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries((current?.areas ?? []).map((a) => [a.area, a.observations ?? ''])));
  const [overall, setOverall] = useState(current ? String(current.overallRating) : '');
  const [digital, setDigital] = useState(current?.digitalLiteracy ?? 'unknown');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState(false);
  const submit = useSubmit((p) => (p === 'overallRating' ? 'lit-overall' : p));
  const ratingOptions = guide.ratings.map((r) => ({ value: String(r.value), label: `${r.value} – ${r[lang]}` }));
  const label = (values: { value: string | number; da: string; en: string }[], v: string | number) => values.find((x) => String(x.value) === String(v))?.[lang] ?? String(v);
  const validate = (): Errors => {
    const errors: Errors = Object.fromEntries(guide.areas.filter((a) => !ratings[a.key]).map((a) => [`lit-${a.key}-rating`, t('rule.required', { label: `${t('cv.rating')} (${a.title[lang]})` })]));
    if (!overall) errors['lit-overall'] = t('rule.required', { label: t('cv.overall') });
    return errors;
  };
  const save = (e: React.FormEvent) => submit.run(e, validate, async (key) => {
    const areas = guide.areas.map((a) => ({ area: a.key, rating: Number(ratings[a.key]), ...(notes[a.key]?.trim() ? { observations: notes[a.key]!.trim() } : {}) }));
    await api.post(`/api/referrals/${referralId}/health-literacy`, { areas, overallRating: Number(overall), digitalLiteracy: digital, ...(note.trim() ? { note: note.trim() } : {}) }, key);
    setSaved(true);
    setOpen(false);
    await onSaved();
  });
  return (
    <section className="form-section" aria-labelledby="literacy-heading">
      <h2 id="literacy-heading">{t('cv.literacy')}</h2>
      {current && <p>{t('cv.literacyDone', { date: date(current.assessedAt), rating: label(guide.ratings, current.overallRating), digital: label(guide.digitalLiteracy, current.digitalLiteracy) })}</p>}
      {current && current.flags.length > 0 && <ul>{current.flags.map((f) => <li key={f.code}>{f.message}</li>)}</ul>}
      {saved && <Alert variant="success">{t('cv.literacySaved')}</Alert>}
      <details className="details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="details-summary">{guide.title[lang]}</summary>
        <div className="details-text">
          <ErrorSummary errors={submit.errors} />
          <ProblemAlert state={submit} />
          <form onSubmit={(e) => void save(e)} noValidate>
            {guide.areas.map((a) => (
              <fieldset key={a.key} className="form-section literacy-area">
                <legend className="h4">{a.title[lang]}</legend>
                <ul className="meta">{a.prompts[lang].map((p) => <li key={p}>{p}</li>)}</ul>
                <Select id={`lit-${a.key}-rating`} label={t('cv.rating')} value={ratings[a.key] ?? ''} onChange={(v) => setRatings({ ...ratings, [a.key]: v })} errors={submit.errors} options={ratingOptions} placeholder="" />
                <TextArea id={`lit-${a.key}-notes`} label={t('cv.observations')} value={notes[a.key] ?? ''} onChange={(v) => setNotes({ ...notes, [a.key]: v })} errors={submit.errors} />
              </fieldset>
            ))}
            <Select id="lit-overall" label={t('cv.overall')} value={overall} onChange={setOverall} errors={submit.errors} options={ratingOptions} placeholder="" />
            <Radios id="lit-digital" legend={t('cv.digital')} value={digital} onChange={setDigital} errors={submit.errors} options={guide.digitalLiteracy.map((d) => ({ value: d.value, label: d[lang] }))} />
            <TextArea id="lit-note" label={t('cv.literacyNote')} value={note} onChange={setNote} errors={submit.errors} />
            <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('cv.saveLiteracy')}</button>
          </form>
        </div>
      </details>
    </section>
  );
}
