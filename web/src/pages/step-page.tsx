import { useState, type ReactNode } from 'react';
import { api, type Citizen, type Course, type Me, type Referral, type Team } from '../api.ts';
import { SUPERSEDED_INTERVENTIONS, useCodes } from '../codes.tsx';
import { localNow, parseNumber, toInstant, useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { Alert, Checkbox, ErrorSummary, ProblemAlert, Radios, Select, TextArea, TextField, useSubmit, type Errors } from '../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../ui/load.tsx';
import { useImplausible } from '../ui/implausible.tsx';

/** URL slug → the course event it performs (null: a record that is not a state change) and its title. */
const steps: Record<string, { event: string | null; title: MessageKey }> = {
  kontakt: { event: 'record_contact', title: 'contact.title' },
  'book-samtale': { event: null, title: 'book.title' },
  'afklarende-samtale': { event: 'hold_clarifying_conversation', title: 'conv.title' },
  forloeb: { event: 'grant_pathway', title: 'pathway.title' },
  start: { event: 'start_pathway', title: 'start.title' },
  afslut: { event: 'end_pathway', title: 'end.title' },
  luk: { event: 'close', title: 'close.title' },
  opfoelgning: { event: 'follow_up', title: 'followup.title' },
  maaling: { event: null, title: 'measurement.title' },
  'afslut-indsats': { event: null, title: 'endIntervention.title' },
};

interface Ctx { me: Me; citizen: Citizen; referral: Referral; course: Course; reload(): Promise<unknown>; done(what: string): void }

export function StepPage({ me, citizenId, referralId, step, interventionId }: { me: Me; citizenId: string; referralId: string; step: string; interventionId?: string }) {
  const { t } = useI18n();
  const def = steps[step];
  usePageTitle(t(def?.title ?? 'error.notFound'));
  const state = useLoad(async () => {
    const [citizen, course] = await Promise.all([api.get<Citizen>(`/api/citizens/${citizenId}`), api.get<Course>(`/api/referrals/${referralId}/course`)]);
    return { citizen, course };
  }, [citizenId, referralId]);
  if (!def) return <h1 tabIndex={-1}>{t('error.notFound')}</h1>;
  const back = `/borger/${citizenId}?forloeb=${referralId}`;
  return (
    <div className="narrow">
      <p><Link href={back} className="back-link">{t('form.cancel')}</Link></p>
      <h1 tabIndex={-1}>{t(def.title)}</h1>
      <Loaded state={state}>{({ citizen, course }) => {
        const referral = course.referral;
        const ctx: Ctx = { me, citizen, referral, course, reload: state.reload, done: (what) => navigate(`${back}&gemt=${what}`) };
        return (
          <>
            <p className="lead">{t('form.forCitizen', { name: `${citizen.givenName} ${citizen.familyName}` })} – {t(`stage.${referral.stage}` as MessageKey)}</p>
            {def.event && !referral.allowedNextSteps.includes(def.event) ? (
              <Alert variant="warning" heading={t('error.illegalTitle')}><p>{t('error.illegal')}</p></Alert>
            ) : form(step, ctx, interventionId)}
          </>
        );
      }}</Loaded>
    </div>
  );
}

function form(step: string, ctx: Ctx, interventionId?: string): ReactNode {
  switch (step) {
    case 'kontakt': return <ContactForm ctx={ctx} />;
    case 'book-samtale': return <BookForm ctx={ctx} />;
    case 'afklarende-samtale': return <ConversationForm ctx={ctx} kind="clarifying" />;
    case 'opfoelgning': return <ConversationForm ctx={ctx} kind="follow_up" />;
    case 'forloeb': return <PathwayForm ctx={ctx} />;
    case 'start': return <StartForm ctx={ctx} />;
    case 'afslut': return <EndForm ctx={ctx} />;
    case 'luk': return <CloseForm ctx={ctx} />;
    case 'maaling': return <MeasurementForm ctx={ctx} />;
    default: return <EndInterventionForm ctx={ctx} interventionId={interventionId ?? ''} />;
  }
}

/** Form chrome shared by every step: error summary, 412/409 explanation, save button. */
function StepForm({ submit, labels, onSubmit, children, ctx }: { submit: ReturnType<typeof useSubmit>; labels: Record<string, string>; onSubmit(e: React.FormEvent): void; children: ReactNode; ctx: Ctx }) {
  const { t } = useI18n();
  const reload = async () => { await ctx.reload(); submit.markReloaded(); };
  return (
    <>
      <ErrorSummary errors={submit.errors} labels={labels} />
      <ProblemAlert state={submit} onReload={() => void reload()} />
      <form onSubmit={onSubmit} noValidate>
        {children}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={submit.busy}>{submit.busy ? t('app.saving') : t('form.save')}</button>
        </div>
      </form>
    </>
  );
}

const required = (t: ReturnType<typeof useI18n>['t'], e: Errors, values: Record<string, string>, labels: Record<string, string>) => {
  for (const [k, v] of Object.entries(values)) if (!v.trim()) e[k] = t('rule.required', { label: labels[k] ?? k });
  return e;
};
const postStep = (ctx: Ctx, path: string, body: Record<string, unknown>, key: string) =>
  api.post<Referral>(`/api/referrals/${ctx.referral.id}/${path}`, { version: ctx.referral.version, ...body }, key);
const classes = ['AMB', 'HH', 'VR', 'phone', 'screen'];

function ContactForm({ ctx }: { ctx: Ctx }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const now = localNow();
  const phoneTries = ctx.course.contactAttempts.filter((a) => !a.enteredInError && a.channel === 'phone' && a.outcome !== 'reached').length;
  const [f, setF] = useState({ date: now.date, time: now.time, channel: query.get('kanal') === 'letter' ? 'letter' : 'phone', outcome: '', note: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v, ...(k === 'channel' && (v === 'letter' || v === 'digital_post') ? { outcome: 'sent' } : {}) }));
  const labels = { date: t('form.date'), time: t('form.time'), channel: t('contact.channel'), outcome: t('contact.outcome'), attemptedAt: t('form.date') };
  const submit = useSubmit((p) => (p === 'attemptedAt' ? 'date' : p));
  const save = (e: React.FormEvent) => submit.run(e, () => {
    const errors = required(t, {}, { date: f.date, time: f.time, outcome: f.outcome }, labels);
    if (!errors.date && f.date > now.date) errors.date = t('rule.future', { label: labels.date });
    if ((f.channel === 'letter' || f.channel === 'digital_post') && f.outcome && f.outcome !== 'sent') errors.outcome = t('rule.letterSent');
    return errors;
  }, async (key) => {
    await postStep(ctx, 'contact-attempts', { attemptedAt: toInstant(f.date, f.time), channel: f.channel, outcome: f.outcome, ...(f.note.trim() ? { note: f.note.trim() } : {}) }, key);
    ctx.done('record_contact');
  });
  const outcomes = f.channel === 'letter' || f.channel === 'digital_post' ? ['sent'] : ['reached', 'no_answer', 'message_left', 'wrong_number', 'declined'];
  return (
    <StepForm submit={submit} labels={labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      {phoneTries >= 2 && <Alert variant="info">{t('contact.hintLetter', { tries: phoneTries })}</Alert>}
      <div className="field-row">
        <TextField id="date" type="date" label={labels.date} value={f.date} onChange={set('date')} errors={submit.errors} />
        <TextField id="time" type="time" label={labels.time} value={f.time} onChange={set('time')} errors={submit.errors} />
      </div>
      <Radios id="channel" legend={labels.channel} value={f.channel} onChange={set('channel')} errors={submit.errors}
        options={['phone', 'letter', 'sms', 'in_person', 'digital_post'].map((c) => ({ value: c, label: t(`channel.${c}` as MessageKey) }))} />
      <Radios id="outcome" legend={labels.outcome} value={f.outcome} onChange={set('outcome')} errors={submit.errors}
        options={outcomes.map((o) => ({ value: o, label: t(`outcome.${o}` as MessageKey) }))} />
      <TextArea id="note" label={t('form.note')} value={f.note} onChange={set('note')} errors={submit.errors} />
    </StepForm>
  );
}

function BookForm({ ctx }: { ctx: Ctx }) {
  const { t } = useI18n();
  const [f, setF] = useState({ date: '', time: '10:00', duration: '60', class: 'AMB' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const labels = { date: t('form.date'), time: t('form.time'), duration: t('book.duration'), class: t('form.class') };
  const submit = useSubmit((p) => (p === 'startAt' ? 'date' : p === 'endAt' ? 'duration' : p));
  const save = (e: React.FormEvent) => submit.run(e, () => {
    const errors = required(t, {}, { date: f.date, time: f.time, duration: f.duration }, labels);
    const minutes = parseNumber(f.duration);
    if (!errors.duration && !(minutes >= 5 && minutes <= 480)) errors.duration = t('rule.range', { label: labels.duration, min: 5, max: 480, unit: 'min' });
    return errors;
  }, async (key) => {
    const startAt = toInstant(f.date, f.time);
    await api.post(`/api/referrals/${ctx.referral.id}/encounters`, {
      purpose: 'clarifying_conversation', status: 'planned', class: f.class, startAt, endAt: new Date(Date.parse(startAt) + parseNumber(f.duration) * 60_000).toISOString(),
    }, key);
    ctx.done('book');
  });
  return (
    <StepForm submit={submit} labels={labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      <div className="field-row">
        <TextField id="date" type="date" label={labels.date} value={f.date} onChange={set('date')} errors={submit.errors} />
        <TextField id="time" type="time" label={labels.time} value={f.time} onChange={set('time')} errors={submit.errors} />
      </div>
      <TextField id="duration" label={labels.duration} value={f.duration} onChange={set('duration')} errors={submit.errors} inputMode="numeric" className="input-width-xs" />
      <Radios id="class" legend={labels.class} value={f.class} onChange={set('class')} errors={submit.errors} options={classes.map((c) => ({ value: c, label: t(`class.${c}` as MessageKey) }))} />
    </StepForm>
  );
}

const conversationMeasures = ['weight', 'height', 'waist', 'systolic', 'diastolic', 'hba1c', 'who5'];

/** Measurements typed as text (Danish decimal comma), checked against each measure's range before sending. */
function useMeasurements() {
  const { t, number } = useI18n();
  const codes = useCodes();
  const [values, setValues] = useState<Record<string, string>>({});
  const implausible = useImplausible();
  const defs = Object.fromEntries(codes.measures.map((m) => [m.measure, m]));
  const validate = (errors: Errors) => {
    for (const [m, text] of Object.entries(values)) {
      if (!text.trim()) continue;
      const def = defs[m]!;
      const v = parseNumber(text);
      const label = t(`measure.${m}` as MessageKey);
      if (Number.isNaN(v)) errors[`measure-${m}`] = t('rule.number', { label });
      else if (v < def.min || v > def.max) errors[`measure-${m}`] = t('rule.range', { label, min: number(def.min), max: number(def.max), unit: def.unit });
    }
    return errors;
  };
  const observations = () => Object.entries(values).filter(([, v]) => v.trim())
    .map(([m, v]) => ({ measure: m, value: parseNumber(v), unit: defs[m]!.unit, ...(implausible.isConfirmed(m) ? { confirmed: true } : {}) }));
  const fields = (errors: Errors) => [...conversationMeasures.map((m) => (
    <TextField key={m} id={`measure-${m}`} label={t(`measure.${m}` as MessageKey)} suffix={defs[m]?.unit} optional inputMode="decimal" className="input-width-s"
      value={values[m] ?? ''} onChange={(v) => setValues((s) => ({ ...s, [m]: v }))} errors={errors} />
  )), ...implausible.boxes((m) => t(`measure.${m}` as MessageKey))];
  const fieldOf = (path: string) => {
    const m = /^observations\.(\d+)\./.exec(path);
    return m ? `measure-${observations()[Number(m[1])]?.measure ?? ''}` : null;
  };
  /** Sends the step; remembers which values the server found implausible so they can be confirmed. */
  const watch = (write: () => Promise<unknown>) => implausible.watch(write, (path) => fieldOf(path)?.replace(/^measure-/, '') ?? null);
  return { validate, observations, fields, fieldOf, watch };
}

function ConversationForm({ ctx, kind }: { ctx: Ctx; kind: 'clarifying' | 'follow_up' }) {
  const { t } = useI18n();
  const codes = useCodes();
  const now = localNow();
  const booked = ctx.course.encounters.find((e) => e.purpose === 'clarifying_conversation' && e.status === 'planned');
  const bookedLocal = booked ? new Date(booked.startAt) : null;
  const fmt = (d: Date, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', hourCycle: 'h23', ...o }).format(d);
  const [f, setF] = useState({
    date: bookedLocal && kind === 'clarifying' ? fmt(bookedLocal, { year: 'numeric', month: '2-digit', day: '2-digit' }) : now.date,
    start: bookedLocal && kind === 'clarifying' ? fmt(bookedLocal, { hour: '2-digit', minute: '2-digit' }) : now.time,
    end: '', class: booked?.class ?? 'AMB', note: '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const [conditions, setConditions] = useState<string[]>([]);
  const m = useMeasurements();
  const labels = { date: t('form.date'), start: t('form.startTime'), end: t('form.endTime'), class: t('form.class') };
  const submit = useSubmit((p) => m.fieldOf(p) ?? (p === 'startAt' ? 'start' : p === 'endAt' ? 'end' : p));
  const save = (e: React.FormEvent) => submit.run(e, () => {
    const errors = m.validate(required(t, {}, { date: f.date, start: f.start, end: f.end }, labels));
    if (!errors.end && !errors.start && f.end < f.start) errors.end = t('rule.order', { label: labels.end });
    return errors;
  }, async (key) => {
    const body = {
      startAt: toInstant(f.date, f.start), endAt: toInstant(f.date, f.end), class: f.class, ...(f.note.trim() ? { note: f.note.trim() } : {}),
      observations: m.observations(), ...(kind === 'clarifying' ? { conditions: conditions.map((code) => ({ code })) } : {}),
    };
    await m.watch(() => postStep(ctx, kind === 'clarifying' ? 'clarifying-conversation' : 'follow-up', body, key));
    ctx.done(kind === 'clarifying' ? 'hold_clarifying_conversation' : 'follow_up');
  });
  const groups = [...new Set(codes.valueSets.conditions119.map((c) => c.group ?? ''))];
  return (
    <StepForm submit={submit} labels={labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      <div className="field-row">
        <TextField id="date" type="date" label={labels.date} value={f.date} onChange={set('date')} errors={submit.errors} />
        <TextField id="start" type="time" label={labels.start} value={f.start} onChange={set('start')} errors={submit.errors} />
        <TextField id="end" type="time" label={labels.end} value={f.end} onChange={set('end')} errors={submit.errors} />
      </div>
      <Radios id="class" legend={labels.class} value={f.class} onChange={set('class')} errors={submit.errors} options={classes.map((c) => ({ value: c, label: t(`class.${c}` as MessageKey) }))} />
      {kind === 'clarifying' && (
        <fieldset className="form-group">
          <legend className="form-label">{t('conv.conditions')} <span className="weight-normal">{t('form.optional')}</span></legend>
          <div className="condition-groups">{groups.map((g) => (
            <div key={g}><p className="condition-group">{g}</p>
              {codes.valueSets.conditions119.filter((c) => (c.group ?? '') === g).map((c) => (
                <Checkbox key={c.code} id={`condition-${c.code}`} label={c.display} checked={conditions.includes(c.code)}
                  onChange={(on) => setConditions((l) => (on ? [...l, c.code] : l.filter((x) => x !== c.code)))} />
              ))}
            </div>
          ))}</div>
        </fieldset>
      )}
      <fieldset className="form-group">
        <legend className="form-label">{t('conv.measurements')}</legend>
        <span className="form-hint">{t('conv.measurementsHint')}</span>
        <div className="measure-grid">{m.fields(submit.errors)}</div>
      </fieldset>
      <TextArea id="note" label={t('form.note')} value={f.note} onChange={set('note')} errors={submit.errors} />
    </StepForm>
  );
}

interface IvRow { code: string; delivery: string; team: string }
function PathwayForm({ ctx }: { ctx: Ctx }) {
  const { t } = useI18n();
  const codes = useCodes();
  const teams = useLoad(() => api.get<{ teams: Team[] }>('/api/teams'), []);
  const now = localNow();
  const [f, setF] = useState({ grantedOn: now.date, category: 'intervention', coordinator: true });
  const [rows, setRows] = useState<IvRow[]>([{ code: '', delivery: '', team: '' }]);
  const setRow = (i: number, k: keyof IvRow) => (v: string) => setRows((r) => r.map((row, j) => (j === i ? { ...row, [k]: v } : row)));
  const labels: Record<string, string> = { grantedOn: t('pathway.grantedOn'), category: t('pathway.category') };
  rows.forEach((_, i) => {
    labels[`iv-${i}-code`] = `${t('pathway.intervention', { n: i + 1 })}: ${t('pathway.interventionCode')}`;
    labels[`iv-${i}-delivery`] = `${t('pathway.intervention', { n: i + 1 })}: ${t('pathway.delivery')}`;
  });
  const submit = useSubmit((p) => {
    const m = /^interventions\.(\d+)\.(\w+)/.exec(p);
    if (m) return `iv-${m[1]}-${m[2] === 'deliveryType' ? 'delivery' : m[2] === 'teamId' ? 'team' : 'code'}`;
    return p;
  });
  const save = (e: React.FormEvent) => submit.run(e, () => {
    const values: Record<string, string> = { grantedOn: f.grantedOn };
    rows.forEach((r, i) => { values[`iv-${i}-code`] = r.code; values[`iv-${i}-delivery`] = r.delivery; });
    return required(t, {}, values, labels);
  }, async (key) => {
    await postStep(ctx, 'pathway', {
      category: f.category, grantedOn: f.grantedOn, ...(f.coordinator ? { coordinatorId: ctx.me.userId } : {}),
      interventions: rows.map((r) => ({ fsiiiCode: r.code, deliveryType: r.delivery, ...(r.team ? { teamId: r.team } : {}) })),
    }, key);
    ctx.done('grant_pathway');
  });
  const interventions = codes.valueSets.interventions119.filter((c) => !SUPERSEDED_INTERVENTIONS.has(c.display));
  return (
    <StepForm submit={submit} labels={labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      <TextField id="grantedOn" type="date" label={labels.grantedOn!} value={f.grantedOn} onChange={(v) => setF((s) => ({ ...s, grantedOn: v }))} errors={submit.errors} />
      <Radios id="category" legend={labels.category!} value={f.category} onChange={(v) => setF((s) => ({ ...s, category: v }))} errors={submit.errors}
        options={['intervention', 'follow_up'].map((c) => ({ value: c, label: t(`pathway.category.${c}` as MessageKey) }))} />
      <Checkbox id="coordinator" label={t('pathway.coordinator')} checked={f.coordinator} onChange={(v) => setF((s) => ({ ...s, coordinator: v }))} />
      {rows.map((r, i) => (
        <fieldset key={i} className="intervention-row">
          <legend className="h3">{t('pathway.intervention', { n: i + 1 })}</legend>
          <Select id={`iv-${i}-code`} label={t('pathway.interventionCode')} value={r.code} onChange={setRow(i, 'code')} errors={submit.errors} placeholder={t('referral.choose')}
            options={interventions.map((c) => ({ value: c.code, label: c.display }))} />
          <Select id={`iv-${i}-delivery`} label={t('pathway.delivery')} value={r.delivery} onChange={setRow(i, 'delivery')} errors={submit.errors} placeholder={t('referral.choose')}
            options={codes.valueSets.deliveryTypes.map((c) => ({ value: c.code, label: c.display }))} />
          <Select id={`iv-${i}-team`} label={t('pathway.team')} value={r.team} onChange={setRow(i, 'team')} errors={submit.errors} optional placeholder={t('pathway.teamNone')}
            options={(teams.data?.teams ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} />
          {rows.length > 1 && <button type="button" className="button button-tertiary" onClick={() => setRows((l) => l.filter((_, j) => j !== i))}>{t('pathway.removeIntervention', { n: i + 1 })}</button>}
        </fieldset>
      ))}
      <p><button type="button" className="button button-secondary" onClick={() => setRows((l) => [...l, { code: '', delivery: '', team: '' }])}>{t('pathway.addIntervention')}</button></p>
    </StepForm>
  );
}

function StartForm({ ctx }: { ctx: Ctx }) {
  const { t } = useI18n();
  const [date, setDate] = useState(localNow().date);
  const labels = { startDate: t('start.date') };
  const submit = useSubmit();
  const save = (e: React.FormEvent) => submit.run(e, () => required(t, {}, { startDate: date }, labels), async (key) => {
    await postStep(ctx, 'start', { startDate: date }, key);
    ctx.done('start_pathway');
  });
  return (
    <StepForm submit={submit} labels={labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      <TextField id="startDate" type="date" label={labels.startDate} value={date} onChange={setDate} errors={submit.errors} />
    </StepForm>
  );
}

/** Ending needs a KL cancellation reason exactly when the outcome is cancelled or stopped (shown only then). */
function EndFields({ outcomes, f, set, errors, dateId }: { outcomes: string[]; f: { outcome: string; date: string; reason: string }; set(k: 'outcome' | 'date' | 'reason'): (v: string) => void; errors: Errors; dateId: string }) {
  const { t } = useI18n();
  const codes = useCodes();
  const needsReason = f.outcome === 'cancelled' || f.outcome === 'stopped';
  return (
    <>
      <Radios id="outcome" legend={t('end.outcome')} value={f.outcome} onChange={set('outcome')} errors={errors} options={outcomes.map((o) => ({ value: o, label: t(`end.${o}` as MessageKey) }))} />
      <TextField id={dateId} type="date" label={t('end.date')} value={f.date} onChange={set('date')} errors={errors} />
      {needsReason && (
        <Select id="cancellationReason" label={t('end.reason')} hint={t('end.reasonHint')} value={f.reason} onChange={set('reason')} errors={errors} placeholder={t('referral.choose')}
          options={codes.valueSets.cancellationReasons.map((c) => ({ value: c.code, label: c.display }))} />
      )}
    </>
  );
}

function useEndState(outcomes: string[]) {
  const { t } = useI18n();
  const [f, setF] = useState({ outcome: outcomes.length === 1 ? outcomes[0]! : '', date: localNow().date, reason: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const labels = { outcome: t('end.outcome'), endedOn: t('end.date'), endDate: t('end.date'), cancellationReason: t('end.reason') };
  const validate = (dateId: 'endedOn' | 'endDate'): Errors => {
    const e = required(t, {}, { outcome: f.outcome, [dateId]: f.date }, labels);
    if ((f.outcome === 'cancelled' || f.outcome === 'stopped') && !f.reason) e.cancellationReason = t('rule.reason');
    return e;
  };
  const reason = () => (f.outcome === 'cancelled' || f.outcome === 'stopped' ? { cancellationReason: f.reason } : {});
  return { f, set, labels, validate, reason };
}

function EndForm({ ctx }: { ctx: Ctx }) {
  const outcomes = ctx.referral.stage === 'planned' ? ['cancelled'] : ['completed', 'stopped'];
  const s = useEndState(outcomes);
  const submit = useSubmit();
  const save = (e: React.FormEvent) => submit.run(e, () => s.validate('endedOn'), async (key) => {
    await postStep(ctx, 'end', { outcome: s.f.outcome, endedOn: s.f.date, ...s.reason() }, key);
    ctx.done('end_pathway');
  });
  return (
    <StepForm submit={submit} labels={s.labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      <EndFields outcomes={outcomes} f={s.f} set={s.set} errors={submit.errors} dateId="endedOn" />
    </StepForm>
  );
}

function EndInterventionForm({ ctx, interventionId }: { ctx: Ctx; interventionId: string }) {
  const { t } = useI18n();
  const codes = useCodes();
  const iv = ctx.course.interventions.find((i) => i.id === interventionId);
  const outcomes = iv?.status === 'not-started' ? ['cancelled'] : ['completed', 'stopped'];
  const s = useEndState(outcomes);
  const submit = useSubmit((p) => (p === 'status' ? 'outcome' : p));
  const save = (e: React.FormEvent) => submit.run(e, () => s.validate('endDate'), async (key) => {
    await api.patch(`/api/interventions/${interventionId}`, { version: iv!.version, status: s.f.outcome, endDate: s.f.date, ...s.reason() }, key);
    ctx.done('endIntervention');
  });
  if (!iv) return <Alert variant="error">{t('error.notFound')}</Alert>;
  return (
    <StepForm submit={submit} labels={s.labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      <p><strong>{iv.fsiiiCode ? codes.display(iv.fsiiiCode) : iv.localDisplay}</strong></p>
      <EndFields outcomes={outcomes} f={s.f} set={s.set} errors={submit.errors} dateId="endDate" />
    </StepForm>
  );
}

function CloseForm({ ctx }: { ctx: Ctx }) {
  const { t } = useI18n();
  const codes = useCodes();
  const [reason, setReason] = useState('');
  const labels = { cancellationReason: t('end.reason') };
  const submit = useSubmit();
  const save = (e: React.FormEvent) => submit.run(e, (): Errors => (reason ? {} : { cancellationReason: t('rule.reason') }), async (key) => {
    await postStep(ctx, 'close', { cancellationReason: reason }, key);
    ctx.done('close');
  });
  return (
    <StepForm submit={submit} labels={labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      <p>{t('close.intro')}</p>
      <Select id="cancellationReason" label={labels.cancellationReason} value={reason} onChange={setReason} errors={submit.errors} placeholder={t('referral.choose')}
        options={codes.valueSets.cancellationReasons.map((c) => ({ value: c.code, label: c.display }))} />
    </StepForm>
  );
}

function MeasurementForm({ ctx }: { ctx: Ctx }) {
  const { t, number } = useI18n();
  const codes = useCodes();
  const now = localNow();
  const [f, setF] = useState({ measure: '', value: '', timePoint: ctx.referral.stage === 'ended' ? 'end' : 'other', date: now.date, time: now.time });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const def = codes.measures.find((m) => m.measure === f.measure);
  const labels = { measure: t('measurement.measure'), value: t('measurement.value'), timePoint: t('measurement.timePoint'), date: t('form.date'), time: t('form.time') };
  const submit = useSubmit((p) => (p === 'unit' ? 'value' : p === 'effectiveAt' ? 'date' : p));
  const implausible = useImplausible();
  const save = (e: React.FormEvent) => submit.run(e, () => {
    const errors = required(t, {}, { measure: f.measure, value: f.value, date: f.date, time: f.time }, labels);
    const v = parseNumber(f.value);
    if (!errors.value && Number.isNaN(v)) errors.value = t('rule.number', { label: labels.value });
    else if (!errors.value && def && (v < def.min || v > def.max)) errors.value = t('rule.range', { label: labels.value, min: number(def.min), max: number(def.max), unit: def.unit });
    return errors;
  }, async (key) => {
    await implausible.watch(() => api.post(`/api/referrals/${ctx.referral.id}/observations`, {
      measure: f.measure, value: parseNumber(f.value), unit: def!.unit, timePoint: f.timePoint, effectiveAt: toInstant(f.date, f.time),
      ...(implausible.isConfirmed(`${f.measure}:${f.value}`) ? { confirmed: true } : {}),
    }, key), () => `${f.measure}:${f.value}`);
    ctx.done('measurement');
  });
  return (
    <StepForm submit={submit} labels={labels} onSubmit={(e) => void save(e)} ctx={ctx}>
      <Select id="measure" label={labels.measure} value={f.measure} onChange={set('measure')} errors={submit.errors} placeholder={t('referral.choose')}
        options={codes.measures.map((m) => ({ value: m.measure, label: `${t(`measure.${m.measure}` as MessageKey)} (${m.unit})` }))} />
      <TextField id="value" label={labels.value} value={f.value} onChange={set('value')} errors={submit.errors} inputMode="decimal" suffix={def?.unit} className="input-width-s" />
      {implausible.boxes((k) => `${t(`measure.${k.split(':')[0]}` as MessageKey)} ${k.split(':')[1]}`).filter((b) => b.key === `${f.measure}:${f.value}`)}
      <Radios id="timePoint" legend={labels.timePoint} value={f.timePoint} onChange={set('timePoint')} errors={submit.errors}
        options={['baseline', 'end', 'follow_up', 'other'].map((p) => ({ value: p, label: t(`timepoint.${p}` as MessageKey) }))} />
      <div className="field-row">
        <TextField id="date" type="date" label={labels.date} value={f.date} onChange={set('date')} errors={submit.errors} />
        <TextField id="time" type="time" label={labels.time} value={f.time} onChange={set('time')} errors={submit.errors} />
      </div>
    </StepForm>
  );
}
