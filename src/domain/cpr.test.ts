import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DK_CORE_CPR, birthYear, formatCpr, maskCpr, parseCpr } from './cpr.ts';
import { daysInMonth, isLeapYear } from './age.ts';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Every 7th digit that places a two-digit year in the given century. */
function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  if (year >= 2000) return [...(yy <= 36 ? [4, 9] : []), ...(yy <= 57 ? [5, 6, 7, 8] : [])];
  if (year >= 1900) return [0, 1, 2, 3, ...(yy > 36 ? [4, 9] : [])];
  return yy >= 58 ? [5, 6, 7, 8] : [];
}

const realDate = fc
  .record({ year: fc.integer({ min: 1858, max: 2057 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month));

describe('parseCpr', () => {
  it('accepts both forms and trims spaces', () => {
    const expected = { ok: true, value: { digits: '0707614285', birthDate: '1961-07-07', sex: 'male' } };
    assert.deepEqual(parseCpr('0707614285'), expected);
    assert.deepEqual(parseCpr('070761-4285'), expected);
    assert.deepEqual(parseCpr('  070761-4285 '), expected);
  });

  it('derives sex from the last digit', () => {
    const sexOf = (cpr: string): string | undefined => {
      const r = parseCpr(cpr);
      return r.ok ? r.value.sex : undefined;
    };
    assert.equal(sexOf('010190-1234'), 'female');
    assert.equal(sexOf('010190-1233'), 'male');
  });

  it('applies the century rule of the 7th digit', () => {
    const year = (cpr: string): string | undefined => {
      const r = parseCpr(cpr);
      return r.ok ? r.value.birthDate.slice(0, 4) : undefined;
    };
    assert.equal(year('010199-3999'), '1999');
    assert.equal(year('010100-0000'), '1900');
    assert.equal(year('010136-4000'), '2036');
    assert.equal(year('010137-4000'), '1937');
    assert.equal(year('010136-9000'), '2036');
    assert.equal(year('010137-9000'), '1937');
    assert.equal(year('010157-5000'), '2057');
    assert.equal(year('010158-8000'), '1858');
  });

  it('refuses what is not ten digits as cpr.format', () => {
    for (const bad of ['', '123', '01019012345', '01019-01234', '010190 1234', '010190--1234', 'abcdefghij', '0101901234x', '０１０１９０１２３４']) {
      assert.deepEqual(parseCpr(bad), { ok: false, rule: 'cpr.format' }, bad);
    }
  });

  it('refuses an impossible day or month as cpr.date', () => {
    for (const bad of ['000190-1234', '320190-1234', '310490-1234', '300290-1234', '011390-1234', '010090-1234']) {
      assert.deepEqual(parseCpr(bad), { ok: false, rule: 'cpr.date' }, bad);
    }
  });

  it('keeps dk-core\'s 29 February in every year, reporting 28 February in non-leap years', () => {
    const leap = parseCpr('290200-4000');
    assert.ok(leap.ok);
    assert.equal(leap.value.birthDate, '2000-02-29');
    const nonLeap = parseCpr('290201-1000');
    assert.ok(nonLeap.ok);
    assert.equal(nonLeap.value.birthDate, '1901-02-28');
    assert.equal(nonLeap.value.digits, '2902011000');
  });

  it('does no modulus-11 check', () => {
    assert.ok(parseCpr('010190-1235').ok);
  });

  it('property: every real date with a matching 7th digit parses and round-trips birth date and sex', () => {
    const arb = realDate
      .filter(({ year }) => seventhDigitsFor(year).length > 0)
      .chain((date) => fc.record({
        date: fc.constant(date),
        seventh: fc.constantFrom(...seventhDigitsFor(date.year)),
        rest: fc.integer({ min: 0, max: 999 }),
        hyphen: fc.boolean(),
      }));
    fc.assert(fc.property(arb, ({ date, seventh, rest, hyphen }) => {
      const digits = `${pad(date.day)}${pad(date.month)}${pad(date.year % 100)}${seventh}${pad(rest, 3)}`;
      const r = parseCpr(hyphen ? formatCpr(digits) : digits);
      assert.ok(r.ok);
      assert.equal(r.value.digits, digits);
      assert.equal(r.value.birthDate, `${date.year}-${pad(date.month)}-${pad(date.day)}`);
      assert.equal(r.value.sex, rest % 2 === 1 ? 'male' : 'female');
      assert.deepEqual(parseCpr(formatCpr(r.value.digits)), r);
    }));
  });

  it('property: every dk-core day+month with any six digits parses, consistent with birthYear', () => {
    const arb = fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), tail: fc.integer({ min: 0, max: 999_999 }) })
      .filter(({ month, day }) => day <= daysInMonth(2000, month));
    fc.assert(fc.property(arb, ({ month, day, tail }) => {
      const digits = `${pad(day)}${pad(month)}${pad(tail, 6)}`;
      const r = parseCpr(digits);
      assert.ok(r.ok);
      const year = birthYear(Number(digits.slice(4, 6)), Number(digits[6]));
      const shownDay = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
      assert.equal(r.value.birthDate, `${year}-${pad(month)}-${pad(shownDay)}`);
    }));
  });

  it('property: accepted exactly when the normalised input matches the dk-core regex', () => {
    const arb = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{10}$/),
      fc.stringMatching(/^\d{6}-\d{4}$/),
      fc.stringMatching(/^ ?[0-3]\d[01]\d{3}-?\d{4} ?$/),
    );
    fc.assert(fc.property(arb, (input) => {
      const normalised = input.trim().replace(/^(\d{6})-(\d{4})$/, '$1$2');
      assert.equal(parseCpr(input).ok, DK_CORE_CPR.test(normalised));
    }));
  });
});

describe('formatCpr and maskCpr', () => {
  it('format with a hyphen and mask the serial part', () => {
    assert.equal(formatCpr('0707614285'), '070761-4285');
    assert.equal(maskCpr('0707614285'), '070761-xxxx');
  });

  it('property: the mask never shows the last four digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{10}$/), (digits) => {
      const masked = maskCpr(digits);
      assert.equal(masked, `${digits.slice(0, 6)}-xxxx`);
      assert.doesNotMatch(masked.slice(6), /\d/);
      assert.equal(masked.replace(/\D/g, ''), digits.slice(0, 6));
    }));
  });
});
