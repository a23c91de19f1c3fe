import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import data from '../terminology/fsiii-119.json' with { type: 'json' };
import {
  cancellationReasonByDisplay, codeByDisplay, codesOf, conditionByDisplay, conversationInterventions, display, interventionByDisplay,
  isCode, isConversationIntervention, isReportableCondition, isReportableIntervention, isTreatmentIntervention, systemOf,
  treatmentInterventions, valueSetNames,
} from './terminology.ts';

describe('code lists', () => {
  it('exposes every value set of the JSON with its codes', () => {
    assert.deepEqual(valueSetNames.sort(), Object.keys(data.valueSets).sort());
    for (const vs of valueSetNames) {
      assert.deepEqual(codesOf(vs), data.valueSets[vs].concepts.map((c) => c.code), vs);
      assert.equal(new Set(codesOf(vs)).size, codesOf(vs).length, `${vs} has unique codes`);
      assert.equal(systemOf(vs), data.valueSets[vs].system);
    }
  });

  it('has the counts of the JSON', () => {
    assert.equal(codesOf('interventions119').length, 15);
    assert.equal(codesOf('conditions119').length, 21);
    assert.equal(codesOf('referralSources').length, 15);
    assert.equal(codesOf('cancellationReasons').length, 9);
    assert.equal(codesOf('carePlanCategories119').length, 2);
    assert.equal(codesOf('deliveryTypes').length, 4);
  });

  it('checks membership and display per value set', () => {
    const first = data.valueSets.cancellationReasons.concepts[0]!;
    assert.equal(isCode('cancellationReasons', first.code), true);
    assert.equal(display('cancellationReasons', first.code), first.display);
    assert.equal(isCode('interventions119', first.code), false);
    assert.equal(display('interventions119', first.code), undefined);
    assert.equal(isCode('cancellationReasons', ''), false);
  });

  it('looks codes up by display and throws on an unknown display', () => {
    const code = interventionByDisplay('Afklarende samtale');
    assert.equal(display('interventions119', code), 'Afklarende samtale');
    assert.equal(display('conditions119', conditionByDisplay('Vægt')), 'Vægt');
    assert.equal(display('cancellationReasons', cancellationReasonByDisplay('Aktivt fravalg')), 'Aktivt fravalg');
    assert.throws(() => interventionByDisplay('Afklarende Samtale'), /not in value set interventions119/);
    assert.throws(() => codeByDisplay('referralSources', 'Afklarende samtale'));
  });
});

describe('KL Gateway intervention partitions', () => {
  const byName = (names: string[]): Set<string> => new Set(names.map(interventionByDisplay));

  it('treatment interventions are the 11 of invariant intervention-1', () => {
    assert.equal(treatmentInterventions.size, 11);
    assert.ok(isTreatmentIntervention(interventionByDisplay('Kostvejledning')));
    assert.ok(isTreatmentIntervention(interventionByDisplay('Tobaksafvænning')));
    assert.ok(!isTreatmentIntervention(interventionByDisplay('Afklarende samtale')));
  });

  it('conversations are the 3 of invariant intervention-2', () => {
    assert.deepEqual(new Set(conversationInterventions), byName(['Afsluttende samtale', 'Behovssamtale', 'Afklarende samtale']));
    assert.ok(isConversationIntervention(interventionByDisplay('Behovssamtale')));
    assert.ok(!isConversationIntervention(interventionByDisplay('Fysisk træning')));
  });

  it('the two sets are disjoint and leave only "Nikotin- og tobaksafvænning" outside', () => {
    for (const code of treatmentInterventions) assert.ok(!conversationInterventions.has(code));
    const outside = codesOf('interventions119').filter((c) => !treatmentInterventions.has(c) && !conversationInterventions.has(c));
    assert.deepEqual(outside.map((c) => display('interventions119', c)), ['Nikotin- og tobaksafvænning']);
  });

  it('every intervention but the superseded "Tobaksafvænning" is reportable', () => {
    const reportable = codesOf('interventions119').filter(isReportableIntervention);
    assert.equal(reportable.length, 14);
    assert.ok(!isReportableIntervention(interventionByDisplay('Tobaksafvænning')));
    assert.ok(isReportableIntervention(interventionByDisplay('Nikotin- og tobaksafvænning')));
    assert.ok(!isReportableIntervention(cancellationReasonByDisplay('Aktivt fravalg')));
  });
});

describe('isReportableCondition', () => {
  it('reports Kroppen, Hverdagsliv, Sundhedsadfærd and four mental-health conditions', () => {
    const conditions = data.valueSets.conditions119.concepts;
    const reportable = conditions.filter((c) => isReportableCondition(c.code)).map((c) => c.display);
    assert.equal(reportable.length, 20);
    assert.deepEqual(conditions.filter((c) => !isReportableCondition(c.code)).map((c) => c.display), ['Emotionel funktion']);
    for (const group of ['Kroppen', 'Hverdagsliv', 'Sundhedsadfærd']) {
      for (const c of conditions.filter((x) => x.group === group)) assert.ok(isReportableCondition(c.code), c.display);
    }
    for (const name of ['Kognitiv funktion', 'Kropspfattelse', 'Trivsel', 'Søvn og hvile']) assert.ok(isReportableCondition(conditionByDisplay(name)), name);
  });

  it('refuses codes from other lists', () => {
    assert.ok(!isReportableCondition(interventionByDisplay('Kostvejledning')));
    assert.ok(!isReportableCondition('not-a-code'));
  });
});
