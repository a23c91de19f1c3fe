import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/errors.ts';
import { cascadeSteps, type CascadeStep } from './cascade-steps.ts';
import { buildDrillDown, cellHidden, type DrillFact } from './drill-down.ts';
import { MAX_DRILL_ROWS } from './drill-down-schemas.ts';
import type { CascadeCounts } from './equity-cascade.ts';
import { equityDimensions } from './equity-dimensions.ts';
import { pseudonymOf, pseudonymSecret } from './pseudonym.ts';

const education = equityDimensions.education;
const context = {
  period: { from: '2025-01-01', to: '2025-12-31' }, filters: {},
  dimension: { key: 'education' as const, label: 'Uddannelse', ordered: true, reference: null },
};
const manager = { suppressed: true, threshold: 5 };
const clinician = { suppressed: false, threshold: 5 };
const secret = pseudonymSecret(Buffer.alloc(32, 9), '11111111-1111-4111-8111-111111111111');
const counts = (group: string, c: number[]): CascadeCounts => ({ group, counts: Object.fromEntries(cascadeSteps.map((s, i) => [s, c[i] ?? 0])) as Record<CascadeStep, number> });
// completed: low 6, medium 2 (small), high 7.
const table = [counts('low', [10, 9, 8, 7, 6, 3]), counts('medium', [10, 9, 8, 7, 2, 1]), counts('high', [10, 10, 9, 8, 7, 6])];

const fact = (k: number, over: Partial<DrillFact> = {}): DrillFact => ({
  referralId: `00000000-0000-4000-8000-00000000000${k}`, citizenId: `10000000-0000-4000-8000-00000000000${k}`, ageBand: '60-69', sex: 'female',
  dropoutReason: null, reached: Object.fromEntries(cascadeSteps.map((s, i) => [s, i <= 4])) as Record<CascadeStep, boolean>,
  months: { referred: '2025-03', reached: null, clarified: '2025-04', started: '2025-05', completed: '2025-08' }, daysToContact: null, daysToStart: 61, ...over,
});

describe('pseudonyms', () => {
  it('are stable, readable and differ between citizens and between municipalities', () => {
    const id = '10000000-0000-4000-8000-000000000001';
    const p = pseudonymOf(secret, id);
    assert.match(p, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(pseudonymOf(secret, id), p);
    assert.notEqual(pseudonymOf(secret, '10000000-0000-4000-8000-000000000002'), p);
    assert.notEqual(pseudonymOf(pseudonymSecret(Buffer.alloc(32, 9), '22222222-2222-4222-8222-222222222222'), id), p);
    assert.notEqual(pseudonymOf(pseudonymSecret(Buffer.alloc(32, 8), '11111111-1111-4111-8111-111111111111'), id), p, 'the server key is part of the secret');
  });
});

describe('the list behind a cascade cell', () => {
  it('hides from managers exactly the cells the cascade hides', () => {
    assert.equal(cellHidden(context, education, table, manager, 'medium', 'completed'), true, 'a count of 2 is small');
    assert.equal(cellHidden(context, education, table, manager, 'low', 'completed'), false);
    assert.equal(cellHidden(context, education, table, clinician, 'medium', 'completed'), false, 'no suppression with access to the records');
    assert.equal(cellHidden(context, education, table, manager, 'unknown', 'completed'), false, 'an empty cell (0) is not a small one');
  });

  it('refuses a suppressed cell with the Danish rule', () => {
    assert.throws(() => buildDrillDown(context, education, { group: 'medium', step: 'completed' }, table, [fact(1), fact(2)], null, manager, secret, 'da'),
      (e: unknown) => e instanceof AppError && e.code === 'forbidden' && e.messageKey === 'error.drill_down_suppressed' && e.params.threshold === 5);
  });

  it('gives managers pseudonyms, bands and months only', () => {
    const out = buildDrillDown(context, education, { group: 'low', step: 'completed' }, table,
      [fact(1), fact(2, { dropoutReason: null, sex: 'male', ageBand: '50-59', daysToContact: 3 })], null, manager, secret, 'da');
    assert.equal(out.view, 'pseudonymised');
    assert.equal(out.count, 2);
    assert.deepEqual(out.group, { value: 'low', label: 'Grundskole' });
    assert.deepEqual(out.step, { key: 'completed', label: 'Gennemført' });
    const first = out.rows.find((r) => r.sex.value === 'male')!;
    assert.equal(first.pseudonym, pseudonymOf(secret, fact(2).citizenId));
    assert.deepEqual(first.ageBand, { value: '50-59', label: '50-59' });
    assert.deepEqual(first.sex, { value: 'male', label: 'Mand' });
    assert.deepEqual(first.steps.map((s) => [s.step, s.month]), [['referred', '2025-03'], ['reached', null], ['clarified', '2025-04'], ['started', '2025-05'], ['completed', '2025-08']]);
    assert.equal(first.person, null);
    assert.equal(first.daysToContact, 3);
    const text = JSON.stringify(out.rows);
    assert.doesNotMatch(text, /10000000-|00000000-/, 'no citizen or referral id');
    assert.deepEqual(out.rows.map((r) => r.pseudonym), [...out.rows.map((r) => r.pseudonym)].sort(), 'in pseudonym order, not in referral order');
  });

  it('names the citizens for roles with record access, sorted by name, with the reason labelled', () => {
    const names = new Map([[fact(1).citizenId, 'Åse Ørum'], [fact(2).citizenId, 'Bent Andersen']]);
    const reason = '0b5d3b2a';
    const out = buildDrillDown(context, education, { group: 'medium', step: 'completed' }, table,
      [fact(1, { dropoutReason: reason }), fact(2)], names, clinician, secret, 'en');
    assert.equal(out.view, 'named');
    assert.deepEqual(out.rows.map((r) => r.person?.name), ['Bent Andersen', 'Åse Ørum'], 'Danish letters sort after z');
    assert.deepEqual(out.rows[1]!.person, { citizenId: fact(1).citizenId, referralId: fact(1).referralId, name: 'Åse Ørum' });
    assert.deepEqual(out.rows[1]!.dropoutReason, { code: reason, label: reason }, 'an unknown code is shown as itself');
    assert.equal(out.step.label, 'Completed');
  });

  it(`shows at most ${MAX_DRILL_ROWS} rows but counts them all`, () => {
    const many = Array.from({ length: MAX_DRILL_ROWS + 3 }, (_, k) => fact(0, { citizenId: `20000000-0000-4000-8000-${String(k).padStart(12, '0')}` }));
    const out = buildDrillDown(context, education, { group: 'low', step: 'completed' }, table, many, null, manager, secret, 'da');
    assert.equal(out.count, MAX_DRILL_ROWS + 3);
    assert.equal(out.rows.length, MAX_DRILL_ROWS);
  });
});
