import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { binomialLimits, funnelPlot, pChart, Z998 } from './control-limits.ts';
import { Z95 } from './estimate.ts';
import { near } from './approx.test-helper.ts';

describe('p-chart', () => {
  it('centres on the pooled rate with 3-sigma limits per month', () => {
    // 30/50, 10/25, 20/25: p̄ = 60/100 = 0.6. n = 50: 0.6 ± 3·sqrt(0.24/50) = 0.6 ± 0.207846; n = 25: ± 0.293939.
    const chart = pChart([{ key: '2026-01', n: 50, events: 30 }, { key: '2026-02', n: 25, events: 10 }, { key: '2026-03', n: 25, events: 20 }]);
    near(chart.centre, 0.6, 1e-15);
    const [jan, feb, mar] = chart.points;
    near(jan!.limits!.lower, 0.6 - 3 * Math.sqrt(0.24 / 50), 1e-15);
    near(jan!.limits!.upper, 0.807846097, 1e-9);
    near(feb!.limits!.lower, 0.306061231, 1e-9);
    assert.deepEqual([jan!.signal, feb!.signal, mar!.signal], ['within', 'within', 'within']);
  });

  it('flags a month outside its limits, clips at 0 and 1, and has no limits for an empty month', () => {
    const chart = pChart([{ key: 'a', n: 100, events: 90 }, { key: 'b', n: 100, events: 10 }, { key: 'c', n: 0, events: 0 }, { key: 'd', n: 4, events: 4 }]);
    near(chart.centre, 104 / 204, 1e-15);
    assert.equal(chart.points[0]!.signal, 'above');
    assert.equal(chart.points[1]!.signal, 'below');
    assert.deepEqual([chart.points[2]!.rate, chart.points[2]!.limits, chart.points[2]!.signal], [null, null, null]);
    assert.equal(chart.points[3]!.limits!.upper, 1, 'clipped');
    assert.equal(pChart([]).centre, null);
  });
});

describe('funnel plot', () => {
  it('puts 95 % and 99.8 % limits around the target', () => {
    // target 0.5: n = 100 → 0.5 ± 1.959964·0.05 = (0.402002, 0.597998); 99.8 %: 0.5 ± 3.090232·0.05
    const f = funnelPlot([{ key: 'team A', n: 100, events: 62 }, { key: 'team B', n: 100, events: 70 }, { key: 'team C', n: 10, events: 2 }], 0.5);
    assert.equal(f.centre, 0.5);
    const [a, b, c] = f.points;
    near(a!.limits95!.lower, 0.5 - Z95 * 0.05, 1e-15);
    near(a!.limits998!.upper, 0.5 + Z998 * 0.05, 1e-15);
    assert.deepEqual([a!.alert, a!.signal], ['above', 'within'], '0.62 is outside 95 % but inside 99.8 %');
    assert.deepEqual([b!.alert, b!.signal], ['above', 'above']);
    assert.deepEqual([c!.alert, c!.signal], ['within', 'within'], 'a small team is not judged on noise: 2 of 10');
    assert.equal(f.curve[0]!.n, 1);
    assert.equal(f.curve.at(-1)!.n, 100);
  });

  it('uses the pooled rate without a target', () => {
    const f = funnelPlot([{ key: 'x', n: 30, events: 10 }, { key: 'y', n: 10, events: 10 }]);
    near(f.centre, 0.5, 1e-15);
    assert.equal(binomialLimits(0.5, 0, Z95), null);
  });
});
