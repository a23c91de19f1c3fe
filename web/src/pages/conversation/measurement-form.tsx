import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useCodes } from '../../codes.tsx';
import { parseNumber, useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Alert, Checkbox, ErrorSummary, ProblemAlert, Select, TextField, useSubmit, type Errors } from '../../ui/form.tsx';

/** Record a measurement; an implausible value is sent again only after the professional confirms it. */
export function MeasurementForm({ referralId, onSaved }: { referralId: string; onSaved(): Promise<unknown> }) {
  const { t } = useI18n();
  const codes = useCodes();
  const measures = codes.measures.filter((m) => !['who5', 'bmi'].includes(m.measure));
  const [measure, setMeasure] = useState(measures[0]?.measure ?? 'weight');
  const [value, setValue] = useState('');
  const [implausible, setImplausible] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [saved, setSaved] = useState(false);
  const unit = measures.find((m) => m.measure === measure)?.unit ?? '';
  const submit = useSubmit((p) => (/^measurements\.\d+\.value$/.test(p) ? 'measure-value' : /^measurements\.\d+\.measure$/.test(p) ? 'measure-name' : p));
  const reset = () => { setImplausible(null); setConfirmed(false); setSaved(false); };
  const validate = (): Errors => (Number.isNaN(parseNumber(value)) ? { 'measure-value': t('rule.required', { label: t('cv.value') }) } : {});
  const save = (e: React.FormEvent) => submit.run(e, validate, async (key) => {
    try {
      await api.post(`/api/referrals/${referralId}/measurements`, { timePoint: 'baseline', measurements: [{ measure, value: parseNumber(value), unit, confirmed }] }, key);
    } catch (err) {
      const problem = err instanceof ApiError ? err.fields.find((f) => f.rule === 'measure.implausible') : undefined;
      if (problem) setImplausible(problem.message);
      throw err;
    }
    setValue('');
    reset();
    setSaved(true);
    await onSaved();
  });
  return (
    <form onSubmit={(e) => void save(e)} noValidate className="form-section">
      <h3>{t('cv.addMeasurement')}</h3>
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      {saved && <Alert variant="success">{t('cv.measurementSaved')}</Alert>}
      <div className="field-row">
        <Select id="measure-name" label={t('cv.measure')} value={measure} onChange={(m) => { setMeasure(m); reset(); }} errors={submit.errors}
          options={measures.map((m) => ({ value: m.measure, label: t(`measure.${m.measure}` as MessageKey) }))} />
        <TextField id="measure-value" label={t('cv.value')} value={value} onChange={(v) => { setValue(v); reset(); }} errors={submit.errors} inputMode="decimal" className="input-width-xs" suffix={unit} />
      </div>
      {implausible && (
        <div className="form-section">
          <Alert variant="warning">{t('cv.implausible', { message: implausible })}</Alert>
          <Checkbox id="measure-confirm" label={t('cv.confirm')} checked={confirmed} onChange={setConfirmed} />
        </div>
      )}
      <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('cv.saveMeasurement')}</button>
    </form>
  );
}
