import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ageBand, ageBands, allowedValues, diagnosisGroup, educationGroup, missingValues, socialPositionItemNames, socialPositionItems,
  socialPositionSources, validateSocialPositionItem, valueLabel,
} from './social-position.ts';

describe('social-position items', () => {
  it('has the items of domain.md', () => {
    assert.deepEqual(socialPositionItemNames, [
      'education', 'labour_market', 'origin', 'preferred_language', 'interpreter_needed', 'living_alone', 'social_housing', 'local_area', 'area_type',
    ]);
    assert.deepEqual([...socialPositionSources], ['self_reported', 'staff_registered', 'register']);
  });

  it('every closed item allows unknown and prefer_not_to_say, and every value has a Danish and English label', () => {
    for (const item of socialPositionItemNames) {
      const { label } = socialPositionItems[item];
      assert.ok(label.da && label.en, item);
      const values = allowedValues(item);
      if (values === null) continue;
      for (const m of missingValues) assert.ok(values.includes(m), `${item} ${m}`);
      for (const value of values) {
        assert.ok(valueLabel(item, value, 'da'), `${item}.${value} da`);
        assert.ok(valueLabel(item, value, 'en'), `${item}.${value} en`);
      }
    }
  });

  it('has the education levels of domain.md and rural/urban area types', () => {
    assert.deepEqual(allowedValues('education'), ['primary', 'upper_secondary', 'vocational', 'short_higher', 'medium_higher', 'long_higher', 'unknown', 'prefer_not_to_say']);
    assert.deepEqual(allowedValues('area_type'), ['urban', 'rural', 'unknown', 'prefer_not_to_say']);
    assert.equal(valueLabel('education', 'primary', 'da'), 'Grundskole');
    assert.equal(valueLabel('labour_market', 'disability_pension', 'da'), 'Førtidspension');
    assert.equal(valueLabel('education', 'yes', 'en'), undefined);
    assert.equal(valueLabel('education', 'toString', 'en'), undefined);
  });

  it('local_area is free text, labelled by itself', () => {
    assert.equal(allowedValues('local_area'), null);
    assert.equal(valueLabel('local_area', 'Skovparken', 'en'), 'Skovparken');
    assert.equal(valueLabel('local_area', 'unknown', 'da'), 'Ukendt');
  });
});

describe('educationGroup', () => {
  it('groups low / medium / high / unknown', () => {
    assert.equal(educationGroup('primary'), 'low');
    assert.equal(educationGroup('upper_secondary'), 'medium');
    assert.equal(educationGroup('vocational'), 'medium');
    for (const v of ['short_higher', 'medium_higher', 'long_higher']) assert.equal(educationGroup(v), 'high');
    for (const v of ['unknown', 'prefer_not_to_say', '', 'grundskole']) assert.equal(educationGroup(v), 'unknown');
  });
});

describe('validateSocialPositionItem', () => {
  const valid = { item: 'education', value: 'vocational', source: 'self_reported', recordedOn: '2025-03-01' };

  it('accepts a valid item, including the missing values', () => {
    assert.deepEqual(validateSocialPositionItem(valid), []);
    assert.deepEqual(validateSocialPositionItem({ ...valid, value: 'prefer_not_to_say' }), []);
    assert.deepEqual(validateSocialPositionItem({ item: 'local_area', value: 'Skovparken', source: 'staff_registered', recordedOn: '2024-02-29' }), []);
  });

  it('refuses an unknown item', () => {
    const problems = validateSocialPositionItem({ ...valid, item: 'income' });
    assert.deepEqual(problems.map((p) => [p.path, p.rule]), [['item', 'enum']]);
  });

  it('refuses a value outside the item', () => {
    assert.deepEqual(validateSocialPositionItem({ ...valid, value: 'yes' }), [
      { path: 'value', rule: 'social_position.value', params: { allowed: allowedValues('education')!.join(', ') } },
    ]);
  });

  it('requires a local area text of at most 100 characters', () => {
    assert.deepEqual(validateSocialPositionItem({ ...valid, item: 'local_area', value: '  ' }), [{ path: 'value', rule: 'required' }]);
    assert.deepEqual(validateSocialPositionItem({ ...valid, item: 'local_area', value: 'x'.repeat(101) }), [{ path: 'value', rule: 'max_length', params: { max: 100 } }]);
  });

  it('refuses an unknown source and an invalid or future date, reporting all problems', () => {
    const problems = validateSocialPositionItem({ item: 'origin', value: 'martian', source: 'guessed', recordedOn: '2025-02-29' });
    assert.deepEqual(problems.map((p) => p.path), ['value', 'source', 'recordedOn']);
    assert.equal(problems[2]?.rule, 'format.date');
    assert.deepEqual(validateSocialPositionItem({ ...valid, recordedOn: '2025-03-02', today: '2025-03-01' }), [{ path: 'recordedOn', rule: 'not_in_future' }]);
    assert.deepEqual(validateSocialPositionItem({ ...valid, recordedOn: '2025-03-01', today: '2025-03-01' }), []);
  });

  it('property: every listed value of every item validates', () => {
    const pairs = socialPositionItemNames.flatMap((item) => (allowedValues(item) ?? ['Nordvest']).map((value) => ({ item, value })));
    fc.assert(fc.property(fc.constantFrom(...pairs), fc.constantFrom(...socialPositionSources), ({ item, value }, source) => {
      assert.deepEqual(validateSocialPositionItem({ item, value, source, recordedOn: '2025-01-31' }), []);
    }));
  });
});

describe('ageBand', () => {
  it('bands by completed years on the given date', () => {
    assert.equal(ageBand('2000-06-15', '2018-06-14'), 'under-18');
    assert.equal(ageBand('2000-06-15', '2018-06-15'), '18-29');
    assert.equal(ageBand('1990-01-01', '2019-12-31'), '18-29');
    assert.equal(ageBand('1990-01-01', '2020-01-01'), '30-39');
    assert.equal(ageBand('1960-05-05', '2025-05-05'), '60-69');
    assert.equal(ageBand('1946-01-01', '2025-12-31'), '70-79');
    assert.equal(ageBand('1945-01-01', '2025-01-01'), '80+');
    assert.equal(ageBand('1920-01-01', '2025-01-01'), '80+');
  });

  it('someone born on 29 February ages on 1 March in non-leap years', () => {
    assert.equal(ageBand('1996-02-29', '2026-02-28'), '18-29');
    assert.equal(ageBand('1996-02-29', '2026-03-01'), '30-39');
  });

  it('property: adults always get one of the bands, consistent with the decade', () => {
    fc.assert(fc.property(fc.integer({ min: 18, max: 110 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (age, month, day) => {
      const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const band = ageBand(`${2025 - age}-${md}`, `2025-${md}`);
      assert.ok((ageBands as readonly string[]).includes(band));
      const [lo, hi] = band === '80+' ? [80, Infinity] : band.split('-').map(Number) as [number, number];
      assert.ok(age >= lo && age <= hi, `${age} in ${band}`);
    }));
  });
});

describe('diagnosisGroup', () => {
  it('maps SKS D-codes', () => {
    assert.equal(diagnosisGroup('SKS', 'DE11'), 'type2_diabetes');
    assert.equal(diagnosisGroup('SKS', 'DE119'), 'type2_diabetes');
    assert.equal(diagnosisGroup('SKS', 'DE10'), 'other');
    assert.equal(diagnosisGroup('SKS', 'DJ449'), 'copd');
    for (const c of ['DI20', 'DI219', 'DI25', 'DI500']) assert.equal(diagnosisGroup('SKS', c), 'heart_disease', c);
    for (const c of ['DI19', 'DI26', 'DI48']) assert.equal(diagnosisGroup('SKS', c), 'other', c);
    assert.equal(diagnosisGroup('SKS', 'DM545'), 'musculoskeletal');
    assert.equal(diagnosisGroup('SKS', 'DC509'), 'cancer');
    assert.equal(diagnosisGroup('SKS', 'de11'), 'type2_diabetes');
  });

  it('maps ICPC2 codes', () => {
    assert.equal(diagnosisGroup('ICPC2', 'T90'), 'type2_diabetes');
    assert.equal(diagnosisGroup('ICPC2', 'R95'), 'copd');
    for (const c of ['K74', 'K75', 'K76', 'K77']) assert.equal(diagnosisGroup('ICPC2', c), 'heart_disease', c);
    for (const c of ['K73', 'K78', 'T89']) assert.equal(diagnosisGroup('ICPC2', c), 'other', c);
    assert.equal(diagnosisGroup('ICPC2', 'L03'), 'musculoskeletal');
  });

  it('does not read a code of one system by the rules of the other', () => {
    assert.equal(diagnosisGroup('ICPC2', 'DE11'), 'other');
    assert.equal(diagnosisGroup('SKS', 'T90'), 'other');
    assert.equal(diagnosisGroup('SKS', 'L03'), 'other');
    assert.equal(diagnosisGroup('other', 'DE11'), 'other');
  });
});
