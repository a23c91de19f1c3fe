import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { measureInequality, summaryMeasureNames } from './inequality.ts';
import type { InequalityInput } from './groups.ts';
import { near, nearEstimate, nothing } from './approx.test-helper.ts';

/**
 * Example A, ordered and favourable (completion by education), worked by hand:
 *   low  (order 1): 5/20 = 0.25   medium (2): 20/40 = 0.5   high (3): 30/40 = 0.75
 *   N = 100, E = 55, μ = 0.55, p = (0.2, 0.4, 0.4), ridits R = (0.1, 0.4, 0.8), R − ½ = (−0.4, −0.1, 0.3).
 */
const exampleA: InequalityInput = {
  dimension: 'education', ordered: true, favourable: true,
  groups: [
    { label: 'medium', order: 2, n: 40, events: 20 },
    { label: 'low', order: 1, n: 20, events: 5 },
    { label: 'high', order: 3, n: 40, events: 30 },
  ],
};

/**
 * Example B, unordered and unfavourable (drop-out by labour-market attachment):
 *   employed 10/50 = 0.2   unemployed 10/25 = 0.4   pension 5/25 = 0.2
 *   N = 100, E = 25, μ = 0.25, p = (0.5, 0.25, 0.25). The best (lowest) rate is 0.2, first in input
 *   order: employed is the reference. D: highest (unemployed) against lowest (employed).
 */
const exampleB: InequalityInput = {
  dimension: 'labour_market', ordered: false, favourable: false,
  groups: [
    { label: 'employed', n: 50, events: 10 },
    { label: 'unemployed', n: 25, events: 10 },
    { label: 'pension', n: 25, events: 5 },
  ],
};

describe('inequality measures, ordered example A', () => {
  const result = measureInequality(exampleA);
  const m = result.measures;

  it('takes the most advantaged group as reference and keeps the input order of groups', () => {
    assert.equal(result.reference, 'high');
    assert.deepEqual(result.groups.map((g) => [g.label, g.isReference]), [['medium', false], ['low', false], ['high', true]]);
    assert.deepEqual(result.compared, { upper: 'high', lower: 'low' });
    assert.equal(result.population, 100);
  });

  it('compares each group with the reference (Newcombe, Katz); the reference itself has no interval', () => {
    const low = result.groups.find((g) => g.label === 'low')!;
    nearEstimate(low.difference, [-0.5, -0.6754252828713204, -0.23369994322796778], 1e-14, 'low − high');
    nearEstimate(low.ratio, [1 / 3, 0.15281856133038133, 0.7270786358922584], 1e-12, 'low / high');
    const medium = result.groups.find((g) => g.label === 'medium')!;
    nearEstimate(medium.difference, [-0.25, -0.4332955008499105, -0.03788906990704041], 1e-14, 'medium − high');
    nearEstimate(medium.ratio, [2 / 3, 0.4661238363817116, 0.9534900594109205], 1e-12, 'medium / high');
    const high = result.groups.find((g) => g.label === 'high')!;
    assert.deepEqual(high.difference, { value: 0, ciLow: null, ciHigh: null });
    assert.deepEqual(high.ratio, { value: 1, ciLow: null, ciHigh: null });
  });

  it('D = y_J − y_1 and R = y_J / y_1 with the first group as reference', () => {
    nearEstimate(m.d, [0.5, 0.23369994322796778, 0.6754252828713204], 1e-14, 'D');
    nearEstimate(m.r, [3, 1.3753670519734322, 6.5437077230303275], 1e-12, 'R');
  });

  it('SII is the slope on the ridit with an HC0 interval; RII the fitted top over bottom', () => {
    // Σ n (R−½)² = 20·0.16 + 40·0.01 + 40·0.09 = 7.2; Σ n (R−½)(y−μ) = 20·0.12 + 40·0.005 + 40·0.06 = 5
    const b = 5 / 7.2; // 0.6944…
    const a = 0.55 - b / 2; // 0.2027…
    // fitted ŷ = a + b·R = (0.27222, 0.48056, 0.75833); HC0:
    const fitted = [0.1, 0.4, 0.8].map((r) => a + b * r);
    const meat = 0.16 * (5 * (1 - fitted[0]!) ** 2 + 15 * fitted[0]! ** 2)
      + 0.01 * (20 * (1 - fitted[1]!) ** 2 + 20 * fitted[1]! ** 2)
      + 0.09 * (30 * (1 - fitted[2]!) ** 2 + 10 * fitted[2]! ** 2);
    const se = Math.sqrt(meat) / 7.2;
    near(se, 0.16297896421161542, 1e-12, 'SE (equals an individual-level OLS with HC0 errors)');
    nearEstimate(m.sii, [b, 0.37501154435203443, 1.0138773445368519], 1e-12, 'SII');
    nearEstimate(m.rii, [(a + b) / a, null, null], 1e-12, 'RII');
    near(m.rii.value, 4.424657534246552, 1e-12, 'RII = 0.89722/0.20278');
  });

  it('ACI and RCI', () => {
    // ACI = 0.2·(−0.8)·0.25 + 0.4·(−0.2)·0.5 + 0.4·0.6·0.75 = −0.04 − 0.04 + 0.18 = 0.10
    nearEstimate(m.aci, [0.1, null, null], 1e-15, 'ACI');
    nearEstimate(m.rci, [0.1 / 0.55, null, null], 1e-15, 'RCI');
  });

  it('PAR, PAF, BGV, MDM, MDB, IDis, IDisW, Theil and MLD', () => {
    nearEstimate(m.par, [0.2, null, null], 1e-15, 'PAR = 0.75 − 0.55');
    nearEstimate(m.paf, [0.2 / 0.55, null, null], 1e-15, 'PAF');
    nearEstimate(m.bgv, [0.035, null, null], 1e-15, 'BGV = 0.2·0.09 + 0.4·0.0025 + 0.4·0.04');
    nearEstimate(m.mdm, [0.16, null, null], 1e-15, 'MDM = 0.2·0.3 + 0.4·0.05 + 0.4·0.2');
    nearEstimate(m.mdb, [0.2, null, null], 1e-15, 'MDB = 0.2·0.5 + 0.4·0.25 + 0.4·0');
    nearEstimate(m.idis, [1 / 3, null, null], 1e-15, 'IDis = (0.3 + 0.05 + 0.2)/3/0.55');
    nearEstimate(m.idisw, [0.16 / 0.55, null, null], 1e-15, 'IDisW');
    const theil = 0.2 * (0.25 / 0.55) * Math.log(0.25 / 0.55) + 0.4 * (0.5 / 0.55) * Math.log(0.5 / 0.55) + 0.4 * (0.75 / 0.55) * Math.log(0.75 / 0.55);
    nearEstimate(m.theil, [theil, null, null], 1e-15, 'Theil');
    near(theil, 0.06283922638558789, 1e-15);
    const mld = -(0.2 * Math.log(0.25 / 0.55) + 0.4 * Math.log(0.5 / 0.55) + 0.4 * Math.log(0.75 / 0.55));
    nearEstimate(m.mld, [mld, null, null], 1e-15, 'MLD');
    near(mld, 0.07175357267304822, 1e-15);
  });

  it('uses a reference named in the input', () => {
    const named = measureInequality({ ...exampleA, reference: 'medium' });
    assert.equal(named.reference, 'medium');
    nearEstimate(named.measures.par, [0.5 - 0.55, null, null], 1e-15, 'PAR against medium');
    nearEstimate(named.measures.mdb, [0.2 * 0.25 + 0.4 * 0 + 0.4 * 0.25, null, null], 1e-15, 'MDB against medium');
    // D and R do not depend on the reference.
    nearEstimate(named.measures.d, [0.5, 0.23369994322796778, 0.6754252828713204], 1e-14);
  });
});

describe('inequality measures, unordered example B', () => {
  const result = measureInequality(exampleB);
  const m = result.measures;

  it('takes the best rate as reference (lowest, as drop-out is unfavourable; first on ties)', () => {
    assert.equal(result.reference, 'employed');
    assert.deepEqual(result.compared, { upper: 'unemployed', lower: 'employed' });
    const pension = result.groups.find((g) => g.label === 'pension')!;
    nearEstimate(pension.difference, [0, -0.1714796502818817, 0.2103960968811057], 1e-14, 'pension − employed');
    nearEstimate(pension.ratio, [1, 0.38282307746143057, 2.6121727212245975], 1e-12, 'pension / employed');
  });

  it('D and R compare the highest rate with the lowest', () => {
    nearEstimate(m.d, [0.2, -0.011048928699610633, 0.41157514424271857], 1e-14, 'D');
    nearEstimate(m.r, [2, 0.9605932741471459, 4.164093282405463], 1e-12, 'R');
  });

  it('has no SII, RII, ACI or RCI', () => {
    for (const k of ['sii', 'rii', 'aci', 'rci'] as const) assert.deepEqual(m[k], nothing, k);
  });

  it('PAR, PAF, BGV, MDM, MDB, IDis, IDisW, Theil and MLD', () => {
    nearEstimate(m.par, [-0.05, null, null], 1e-15, 'PAR = 0.2 − 0.25');
    nearEstimate(m.paf, [-0.2, null, null], 1e-15, 'PAF = −0.05/0.25');
    nearEstimate(m.bgv, [0.0075, null, null], 1e-15, 'BGV = 0.5·0.0025 + 0.25·0.0225 + 0.25·0.0025');
    nearEstimate(m.mdm, [0.075, null, null], 1e-15, 'MDM = 0.5·0.05 + 0.25·0.15 + 0.25·0.05');
    nearEstimate(m.mdb, [0.05, null, null], 1e-15, 'MDB = 0.25·0.2');
    nearEstimate(m.idis, [1 / 3, null, null], 1e-15, 'IDis = (0.05 + 0.15 + 0.05)/3/0.25');
    nearEstimate(m.idisw, [0.3, null, null], 1e-15, 'IDisW = 0.075/0.25');
    // Theil = 0.5·0.8·ln 0.8 + 0.25·1.6·ln 1.6 + 0.25·0.8·ln 0.8 = 0.6 ln 0.8 + 0.4 ln 1.6
    nearEstimate(m.theil, [0.6 * Math.log(0.8) + 0.4 * Math.log(1.6), null, null], 1e-15, 'Theil');
    near(m.theil.value, 0.05411532090976845, 1e-15);
    // MLD = −(0.5 ln 0.8 + 0.25 ln 1.6 + 0.25 ln 0.8)
    nearEstimate(m.mld, [-(0.75 * Math.log(0.8) + 0.25 * Math.log(1.6)), null, null], 1e-15, 'MLD');
  });
});

describe('inequality measures where they are undefined', () => {
  const allNull = (input: InequalityInput) => measureInequality(input).measures;

  it('everything is null when nobody is counted (N = 0)', () => {
    const r = measureInequality({ ...exampleA, groups: exampleA.groups.map((g) => ({ ...g, n: 0, events: 0 })) });
    for (const k of summaryMeasureNames) assert.deepEqual(r.measures[k], nothing, k);
    for (const g of r.groups) assert.deepEqual([g.rate, g.difference, g.ratio], [nothing, nothing, nothing]);
    assert.equal(r.population, 0);
  });

  it('with no events: relative measures and ratios are null, absolute ones are 0', () => {
    const m = allNull({ ...exampleA, groups: exampleA.groups.map((g) => ({ ...g, events: 0 })) });
    for (const k of ['r', 'rii', 'rci', 'paf', 'idis', 'idisw', 'theil', 'mld'] as const) assert.deepEqual(m[k], nothing, k);
    for (const k of ['bgv', 'mdm', 'mdb', 'par', 'aci'] as const) assert.equal(m[k].value, 0, k);
    assert.equal(m.d.value, 0);
    assert.equal(m.sii.value, 0);
  });

  it('MLD is null when some group has rate 0; Theil counts 0·ln 0 as 0', () => {
    // low 0/20, medium 20/40, high 30/40: N = 100, E = 50, μ = 0.5, p = (0.2, 0.4, 0.4)
    const m = allNull({ ...exampleA, groups: [{ label: 'low', order: 1, n: 20, events: 0 }, exampleA.groups[0]!, exampleA.groups[2]!] });
    assert.deepEqual(m.mld, nothing);
    // Theil = 0.2·0 + 0.4·1·ln 1 + 0.4·1.5·ln 1.5
    nearEstimate(m.theil, [0.6 * Math.log(1.5), null, null], 1e-15);
    assert.deepEqual(m.r, nothing, 'R with y_1 = 0');
  });

  it('RII is null when the fitted rate at the bottom is not positive', () => {
    // low 0/50, high 50/50: R = (0.25, 0.75), b = (50·0.25·0.5·2)/(50·0.0625·2) = 2, a = 0.5 − 1 = −0.5
    const m = allNull({ ...exampleA, groups: [{ label: 'low', order: 1, n: 50, events: 0 }, { label: 'high', order: 2, n: 50, events: 50 }] });
    nearEstimate(m.sii, [2, 2, 2], 1e-12, 'SII, a perfect fit has zero HC0 error');
    assert.deepEqual(m.rii, nothing);
  });

  it('one group: no comparison, no slope', () => {
    const m = allNull({ ...exampleA, groups: [{ label: 'only', order: 1, n: 30, events: 12 }] });
    for (const k of ['d', 'r', 'sii', 'rii'] as const) assert.deepEqual(m[k], nothing, k);
    for (const k of ['bgv', 'mdm', 'mdb', 'par', 'paf', 'aci', 'rci', 'idis', 'idisw', 'theil', 'mld'] as const) near(m[k].value, 0, 1e-15, k);
  });

  it('an empty group has no rate: D (if it is group 1) and IDis are null; weighted measures give it weight 0', () => {
    const r = measureInequality({ ...exampleA, groups: [{ label: 'low', order: 1, n: 0, events: 0 }, exampleA.groups[0]!, exampleA.groups[2]!] });
    assert.deepEqual(r.measures.d, nothing);
    assert.deepEqual(r.measures.idis, nothing);
    assert.deepEqual(r.groups[0]!.rate, nothing);
    // medium 20/40, high 30/40: μ = 0.625, BGV = 0.5·0.125² + 0.5·0.125²
    nearEstimate(r.measures.bgv, [0.015625, null, null], 1e-15);
  });

  it('an unordered dimension with one group that has people has no D or R', () => {
    const m = allNull({ ...exampleB, groups: [{ label: 'a', n: 0, events: 0 }, { label: 'b', n: 10, events: 3 }] });
    assert.deepEqual(m.d, nothing);
    assert.deepEqual(m.r, nothing);
  });

  it('a reference named but empty leaves the comparisons null', () => {
    const r = measureInequality({ ...exampleB, reference: 'empty', groups: [...exampleB.groups, { label: 'empty', n: 0, events: 0 }] });
    assert.equal(r.reference, 'empty');
    for (const g of r.groups) assert.deepEqual([g.difference, g.ratio], [nothing, nothing], g.label);
    for (const k of ['par', 'paf', 'mdb'] as const) assert.deepEqual(r.measures[k], nothing, k);
  });
});
