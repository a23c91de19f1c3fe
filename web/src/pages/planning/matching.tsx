import { useState } from 'react';
import { api, ApiError, newIdempotencyKey, type Citizen, type Referral } from '../../api.ts';
import type { Matches, Needs, Suggestion } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link, useLocation } from '../../router.tsx';
import { Alert, Select, TextField, useSubmit } from '../../ui/form.tsx';
import { FormSection, useFields } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { CheckboxGroup, CitizenPicker, splitList } from '../../ui/choices.tsx';
import { barriers, supportLevels, timesOfDay } from '../../../../src/offers/offer-vocabulary.ts';

export function MatchingStartPage() {
  const { t } = useI18n();
  usePageTitle(t('matching.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('matching.title')}</h1>
      <p>{t('matching.intro')}</p>
      <CitizenPicker hrefOf={(c) => `/borger/${c.id}/matchning`} />
    </>
  );
}

/** The citizen's needs and the ranked, explained suggestions for one of their referrals. */
export function MatchingPage({ citizenId }: { citizenId: string }) {
  const { t } = useI18n();
  const state = useLoad(async () => {
    const [citizen, referrals, needs] = await Promise.all([
      api.get<Citizen>(`/api/citizens/${citizenId}`), api.get<{ referrals: Referral[] }>(`/api/referrals?citizenId=${citizenId}`), api.get<Needs>(`/api/citizens/${citizenId}/needs`),
    ]);
    return { citizen, referrals: referrals.referrals.filter((r) => !['closed', 'entered_in_error'].includes(r.stage)), needs };
  }, [citizenId]);
  const name = state.data ? `${state.data.citizen.givenName} ${state.data.citizen.familyName}` : '';
  usePageTitle(name ? t('matching.for', { name }) : t('matching.title'));
  return (
    <Loaded state={state}>{({ referrals, needs }) => (
      <>
        <h1 tabIndex={-1}>{t('matching.for', { name })}</h1>
        <p><Link href={`/borger/${citizenId}`} className="back-link">{name}</Link></p>
        <NeedsForm citizenId={citizenId} needs={needs} onSaved={() => void state.reload()} onReload={async () => (await state.reload())?.needs ?? null} />
        {referrals.length > 0 && <Suggestions key={needs.version ?? 0} referrals={referrals} name={name} />}
      </>
    )}</Loaded>
  );
}

/**
 * The needs form sends the version it was read with; after a 412 (a colleague saved in between) it
 * offers to load the newest needs into the form, like the other edit forms, without overwriting them.
 */
function NeedsForm({ citizenId, needs, onSaved, onReload }: { citizenId: string; needs: Needs; onSaved(): void; onReload(): Promise<Needs | null> }) {
  const { t } = useI18n();
  const fieldsOf = (n: Needs) => ({ barriers: n.barriers, preferredTimes: n.preferredTimes, preferredWeekdays: n.preferredWeekdays, areas: n.preferredAreas.join(', ') });
  const { values: f, set, setValues } = useFields(fieldsOf(needs));
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const save = (ev: React.FormEvent) => submit.run(ev, () => ({}), async (key) => {
    setSaved(null);
    await api.post(`/api/citizens/${citizenId}/needs`, { version: needs.version, barriers: f.barriers, preferredTimes: f.preferredTimes, preferredWeekdays: f.preferredWeekdays, preferredAreas: splitList(f.areas) }, key);
    setSaved(t('matching.needsSaved'));
    onSaved();
  });
  const reload = async () => {
    const newest = await onReload();
    if (newest) setValues(fieldsOf(newest));
    submit.markReloaded();
  };
  return (
    <FormSection id="needs-heading" heading={t('matching.needs')} done={saved} submit={submit} onSubmit={save} submitLabel={t('matching.saveNeeds')}
      onReload={() => void reload()} conflict={{ title: t('registry.conflictTitle'), text: t('registry.conflict') }}>
      <CheckboxGroup id="barriers" legend={t('matching.barriers')} value={f.barriers} onChange={set('barriers')} options={barriers.map((b) => ({ value: b, label: t(`barrier.${b}` as MessageKey) }))} />
      <CheckboxGroup id="preferredTimes" legend={t('matching.times')} value={f.preferredTimes} onChange={set('preferredTimes')} options={timesOfDay.map((x) => ({ value: x, label: t(`time.${x}` as MessageKey) }))} />
      <CheckboxGroup id="preferredWeekdays" legend={t('matching.weekdays')} value={f.preferredWeekdays} onChange={set('preferredWeekdays')} options={[1, 2, 3, 4, 5].map((d) => ({ value: d, label: t(`weekday.${d}` as MessageKey) }))} />
      <TextField id="areas" label={t('matching.areas')} hint={t('matching.areasHint')} value={f.areas} onChange={set('areas')} errors={submit.errors} optional />
    </FormSection>
  );
}

function Suggestions({ referrals, name }: { referrals: Referral[]; name: string }) {
  const { t, date } = useI18n();
  const chosen = useLocation().query.get('forloeb');
  const [referralId, setReferralId] = useState(referrals.find((r) => r.id === chosen)?.id ?? referrals[0]!.id);
  const [level, setLevel] = useState('');
  const state = useLoad(() => api.get<Matches>(`/api/referrals/${referralId}/matches${level ? `?supportLevel=${level}` : ''}`), [referralId, level]);
  const [message, setMessage] = useState<{ variant: 'success' | 'error'; text: string } | null>(null);
  const wait = async (s: Suggestion) => {
    try {
      await api.post(`/api/teams/${s.teamId}/waiting-list`, { referralId }, newIdempotencyKey());
      setMessage({ variant: 'success', text: t('matching.waitDone', { name, team: s.teamName ?? '' }) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setMessage({ variant: 'error', text: err.message });
    }
  };
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t('matching.suggestions')}</h2>
      <div className="field-row">
        <Select id="referral" label={t('matching.referral')} value={referralId} onChange={setReferralId} errors={{}} options={referrals.map((r) => ({ value: r.id, label: `${date(r.receivedAt)} (${t(`stage.${r.stage}` as MessageKey)})` }))} />
        <Select id="supportLevel" label={t('matching.level')} value={level} onChange={setLevel} errors={{}} optional placeholder={t('matching.levelNone')} options={supportLevels.map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) }))} />
      </div>
      <div aria-live="polite" className="live-region">{message && <Alert variant={message.variant}>{message.text}</Alert>}</div>
      <Loaded state={state}>{({ suggestions, excluded }) => (
        <>
          {suggestions.length === 0 ? <p>{t('matching.none')}</p> : (
            <ol className="suggestions">{suggestions.map((s) => (
              <li key={`${s.offerId}:${s.teamId}`} className="suggestion">
                <h3 className="h4">{s.offerName}{s.teamName ? ` – ${s.teamName}` : ''}</h3>
                <p>{s.startsOn && t('matching.starts', { date: date(s.startsOn), time: s.startTime?.replace(':', '.') ?? '' })}{s.place ? `, ${s.place}` : ''}
                  {s.tooLate && <> <span className="tag tag-warning">{t('matching.tooLate')}</span></>}{s.full && <> <span className="tag">{t('matching.full')}</span></>}</p>
                <ul className="reasons">{s.reasons.map((r) => (
                  <li key={r.key} className={`reason-${r.effect}`}><span className="sr-only">{t(`matching.${r.effect}` as MessageKey)}: </span>{r.text}</li>
                ))}</ul>
                {s.teamId && <button type="button" className="button button-secondary" onClick={() => void wait(s)}>{t('matching.wait')}<span className="sr-only"> – {s.teamName}</span></button>}
              </li>
            ))}</ol>
          )}
          {excluded.length > 0 && (
            <>
              <h3>{t('matching.excluded')}</h3>
              <ul>{excluded.map((e, i) => <li key={i}>{e.offerName}{e.teamName ? ` – ${e.teamName}` : ''}: {e.text}</li>)}</ul>
            </>
          )}
        </>
      )}</Loaded>
    </section>
  );
}
