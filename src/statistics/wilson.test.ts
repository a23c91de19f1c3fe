import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { wilsonRate } from './wilson.ts';
import { Z95 } from './estimate.ts';
import { near, nearEstimate, nothing } from './approx.test-helper.ts';

const z2 = Z95 * Z95; // 3.8414588206941254

describe('Wilson score interval', () => {
  it('at y = 1/2 is 1/2 ± z / (2·sqrt(n + z²))', () => {
    // centre = (1/2 + z²/2n)/(1 + z²/n) = 1/2; half = z·sqrt(1/4n + z²/4n²)/(1 + z²/n) = z/(2·sqrt(n + z²)).
    const half = Z95 / (2 * Math.sqrt(40 + z2)); // 1.959963984540054 / (2 · 6.62129) = 0.14800473066534614
    nearEstimate(wilsonRate({ n: 40, events: 20 }), [0.5, 0.5 - half, 0.5 + half]);
    near(half, 0.14800473066534614, 1e-15);
  });

  it('at y = 0 runs from 0 to z²/(n + z²), and at y = 1 from n/(n + z²) to 1', () => {
    // y = 0: centre = half = (z²/2n)/(1 + z²/n), so the upper limit is (z²/n)/(1 + z²/n) = z²/(n + z²).
    nearEstimate(wilsonRate({ n: 10, events: 0 }), [0, 0, z2 / (10 + z2)]);
    near(z2 / (10 + z2), 0.2775327998628892, 1e-15); // 3.8414588 / 13.8414588
    nearEstimate(wilsonRate({ n: 10, events: 10 }), [1, 10 / (10 + z2), 1]);
  });

  it('at 5 of 20 gives 0.1119 to 0.4687', () => {
    // centre = (0.25 + 3.8414588/40)/(1 + 3.8414588/20) = 0.3460365/1.1920729 = 0.2902852;
    // half = 1.959964·sqrt(0.1875/20 + 3.8414588/1600)/1.1920729 = 1.959964·0.1082883/1.1920729 = 0.1784235.
    nearEstimate(wilsonRate({ n: 20, events: 5 }), [0.25, 0.11186170140766569, 0.468700877618744], 1e-14);
  });

  it('is null when n = 0', () => {
    assert.deepEqual(wilsonRate({ n: 0, events: 0 }), nothing);
  });
});
