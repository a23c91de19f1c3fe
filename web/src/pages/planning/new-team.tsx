import { useState } from 'react';
import { api } from '../../api.ts';
import type { Offer, Place, SchedulePreview } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { navigate, useLocation } from '../../router.tsx';
import { Checkbox, Select, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { PlanningForm, useFields } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { CheckboxGroup } from '../../ui/choices.tsx';

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** Builds a team from a catalogue offer: the weekly pattern is previewed with the holidays it skips before the team is created. */
export function NewTeamPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  usePageTitle(t('newTeam.title'));
  const state = useLoad(async () => {
    const [offers, places, instructors] = await Promise.all([
      api.get<{ offers: Offer[] }>('/api/offers'), api.get<{ places: Place[] }>('/api/places'),
      api.get<{ instructors: { id: string; displayName: string }[] }>('/api/instructors'),
    ]);
    return { offers: offers.offers.filter((o) => o.deliveryMode === 'group'), places: places.places, instructors: instructors.instructors };
  }, []);
  return (
    <>
      <h1 tabIndex={-1}>{t('newTeam.title')}</h1>
      <p>{t('newTeam.intro')}</p>
      <Loaded state={state}>{(data) => <TeamForm {...data} initialOffer={query.get('tilbud') ?? ''} />}</Loaded>
    </>
  );
}

function TeamForm({ offers, places, instructors, initialOffer }: { offers: Offer[]; places: Place[]; instructors: { id: string; displayName: string }[]; initialOffer: string }) {
  const { t, date, time } = useI18n();
  const { values: f, set } = useFields({ offerId: initialOffer, placeId: '', language: '', name: '', from: '', weekday: '1', startTime: '10:00', skip: true, instructorIds: [] as string[] });
  const [preview, setPreview] = useState<SchedulePreview | null>(null);
  const offer = offers.find((o) => o.id === f.offerId);
  const submit = useSubmit();
  const validate = (): Errors => {
    const e: Errors = {};
    if (!offer) e.offerId = t('rule.required', { label: t('newTeam.offer') });
    if (!f.from) e.from = t('rule.required', { label: t('newTeam.from') });
    if (!TIME.test(f.startTime)) e.startTime = t('rule.required', { label: t('newTeam.startTime') });
    return e;
  };
  const pattern = () => `from=${f.from}&weekday=${f.weekday}&startTime=${f.startTime}&sessionMinutes=${offer!.sessionMinutes}&sessionCount=${offer!.sessionCount}&skipClosedDays=${f.skip}`;
  const showPlan = () => submit.run(null, validate, async () => setPreview(await api.get<SchedulePreview>(`/api/schedule-preview?${pattern()}`)));
  const save = (ev: React.FormEvent) => submit.run(ev, validate, async (key) => {
    const created = await api.post<{ team: { id: string }; sessions: unknown[] }>('/api/teams', {
      offerId: f.offerId, placeId: f.placeId || null, language: f.language || offer!.languages[0], instructorIds: f.instructorIds, from: f.from,
      weekday: Number(f.weekday), startTime: f.startTime, skipClosedDays: f.skip, ...(f.name.trim() ? { name: f.name.trim() } : {}),
    }, key);
    navigate(`/hold/${created.team.id}?oprettet=${created.sessions.length}`);
  });
  return (
    <PlanningForm submit={submit} onSubmit={save} submitLabel={submit.busy ? t('app.saving') : t('newTeam.submit')} primary>
        <Select id="offerId" label={`${t('newTeam.offer')} ${t('form.required')}`} value={f.offerId} onChange={(v) => { set('offerId')(v); setPreview(null); }} errors={submit.errors}
          placeholder={t('newTeam.choose')} options={offers.map((o) => ({ value: o.id, label: `${o.publicName} (${o.sessionCount} × ${o.sessionMinutes} min)` }))} />
        <div className="field-row">
          <Select id="placeId" label={t('newTeam.place')} value={f.placeId} onChange={set('placeId')} errors={submit.errors} optional placeholder={t('newTeam.placeNone')}
            options={(offer?.places.length ? offer.places : places).map((p) => ({ value: p.id, label: p.name }))} />
          <Select id="language" label={t('newTeam.language')} value={f.language || offer?.languages[0] || ''} onChange={set('language')} errors={submit.errors}
            options={(offer?.languages ?? ['da']).map((l) => ({ value: l, label: l }))} />
        </div>
        <div className="field-row">
          <TextField id="from" type="date" label={`${t('newTeam.from')} ${t('form.required')}`} value={f.from} onChange={(v) => { set('from')(v); setPreview(null); }} errors={submit.errors} />
          <Select id="weekday" label={t('newTeam.weekday')} value={f.weekday} onChange={(v) => { set('weekday')(v); setPreview(null); }} errors={submit.errors}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.${d}` as MessageKey) }))} />
          <TextField id="startTime" type="time" label={`${t('newTeam.startTime')} ${t('form.required')}`} value={f.startTime} onChange={(v) => { set('startTime')(v); setPreview(null); }} errors={submit.errors} />
        </div>
        <Checkbox id="skip" label={t('newTeam.skip')} checked={f.skip} onChange={(v) => { set('skip')(v); setPreview(null); }} />
        {instructors.length > 0 && <CheckboxGroup id="instructorIds" legend={t('newTeam.instructors')} value={f.instructorIds} onChange={set('instructorIds')} options={instructors.map((i) => ({ value: i.id, label: i.displayName }))} />}
        <TextField id="name" label={t('newTeam.name')} hint={t('newTeam.nameHint')} value={f.name} onChange={set('name')} errors={submit.errors} optional />
        <p><button type="button" className="button button-secondary" onClick={() => void showPlan()}>{t('newTeam.preview')}</button></p>
        {preview && (
          <section aria-labelledby="plan-heading" className="plan-preview">
            <h2 id="plan-heading">{t('newTeam.plan')}</h2>
            <ol>{preview.sessions.map((s) => <li key={s.number}>{t(`weekday.${f.weekday}` as MessageKey)} {date(s.startAt)} {time(s.startAt)}–{time(s.endAt)}</li>)}</ol>
            {preview.skipped.length > 0 && <ul className="nobullet-list">{preview.skipped.map((s) => <li key={s.date}><strong>{t('newTeam.skipped', { date: date(s.date), name: s.name })}</strong></li>)}</ul>}
          </section>
        )}
    </PlanningForm>
  );
}
