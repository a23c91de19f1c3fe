import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logGamma, studentTCdf, studentTQuantile } from './student-t.ts';
import { near } from './approx.test-helper.ts';

describe("Student's t", () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    // df = 1 (Cauchy): t_p = tan(π(p − ½)); df = 2: t_p = (2p − 1)/sqrt(2p(1 − p)).
    near(studentTQuantile(0.975, 1), Math.tan(Math.PI * 0.475), 1e-10);
    near(studentTQuantile(0.975, 2), 0.95 / Math.sqrt(2 * 0.975 * 0.025), 1e-12);
    near(studentTQuantile(0.9, 2), 0.8 / Math.sqrt(2 * 0.9 * 0.1), 1e-12);
  });

  it('matches tabulated quantiles and tends to the normal one', () => {
    near(studentTQuantile(0.975, 3), 3.182446305284263, 1e-11);
    near(studentTQuantile(0.975, 10), 2.228138851986274, 1e-11);
    near(studentTQuantile(0.975, 30), 2.042272456301238, 1e-11);
    near(studentTQuantile(0.975, 1e6), 1.959966356814107, 1e-8);
    near(studentTQuantile(0.025, 7), -2.3646242515927844, 1e-11);
  });

  it('has a symmetric distribution function and Γ(5) = 24', () => {
    near(studentTCdf(0, 4), 0.5, 1e-15);
    near(studentTCdf(1.3, 6) + studentTCdf(-1.3, 6), 1, 1e-14);
    near(Math.exp(logGamma(5)), 24, 1e-10);
    near(Math.exp(logGamma(0.5)), Math.sqrt(Math.PI), 1e-13);
  });

  it('is null outside 0 < p < 1 or for df ≤ 0', () => {
    assert.equal(studentTQuantile(0, 5), null);
    assert.equal(studentTQuantile(1, 5), null);
    assert.equal(studentTQuantile(0.975, 0), null);
    assert.equal(studentTQuantile(Number.NaN, 3), null);
  });
});
