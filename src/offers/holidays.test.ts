import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closedDayLookup, danishClosedDays, easterSunday } from './holidays.ts';

describe('Danish holidays', () => {
  it('finds Easter Sunday, including the years it falls in March and late April', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2038), '2038-04-25');
    assert.equal(easterSunday(2008), '2008-03-23');
  });
  it('counts the movable feasts from Easter and keeps Store bededag only before 2024', () => {
    const y2026 = Object.fromEntries(danishClosedDays(2026).map((d) => [d.key, d.date]));
    assert.equal(y2026.maundy_thursday, '2026-04-02');
    assert.equal(y2026.good_friday, '2026-04-03');
    assert.equal(y2026.easter_monday, '2026-04-06');
    assert.equal(y2026.ascension_day, '2026-05-14');
    assert.equal(y2026.whit_monday, '2026-05-25');
    assert.equal(y2026.great_prayer_day, undefined, 'abolished from 2024');
    assert.equal(Object.fromEntries(danishClosedDays(2023).map((d) => [d.key, d.date])).great_prayer_day, '2023-05-05');
  });
  it('marks Grundlovsdag, Christmas Eve and New Year\'s Eve as customary closing days, not public holidays', () => {
    const lookup = closedDayLookup(2026, 2027);
    assert.equal(lookup('2026-06-05')?.kind, 'customary');
    assert.equal(lookup('2026-12-24')?.kind, 'customary');
    assert.equal(lookup('2026-12-25')?.kind, 'public');
    assert.equal(lookup('2027-01-01')?.key, 'new_years_day');
    assert.equal(lookup('2026-03-03'), undefined);
  });
});
