import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IdSequence, Rng } from './random.ts';

describe('seeded randomness', () => {
  it('repeats a stream for the same seed and differs for another', () => {
    const draw = (seed: number) => { const r = new Rng(seed); return Array.from({ length: 5 }, () => r.uint32()); };
    assert.deepEqual(draw(1), draw(1));
    assert.notDeepEqual(draw(1), draw(2));
  });

  it('draws weighted keys in proportion to their weights', () => {
    const r = new Rng(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30000; i++) counts[r.weighted({ a: 0.6, b: 0.3, c: 0.1 })]++;
    assert.ok(Math.abs(counts.a / 30000 - 0.6) < 0.02 && Math.abs(counts.c / 30000 - 0.1) < 0.01, JSON.stringify(counts));
  });

  it('draws normals with the asked mean and SD, and log-normal days around the median', () => {
    const r = new Rng(4);
    const xs = Array.from({ length: 20000 }, () => r.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    assert.ok(Math.abs(mean - 10) < 0.05 && Math.abs(sd - 2) < 0.05, `${mean} ${sd}`);
    const days = Array.from({ length: 20001 }, () => r.days({ medianDays: 14, sigmaLog: 0.5 })).sort((a, b) => a - b);
    assert.ok(Math.abs(days[10000]! - 14) <= 1);
  });

  it('makes version-4 ids', () => {
    const r = new Rng(5);
    for (let i = 0; i < 100; i++) assert.match(r.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes increasing, unique version-7 ids that start at the base time', () => {
    const base = Date.parse('2026-11-23T12:00:00Z');
    const seq = new IdSequence(new Rng(6), base);
    const ids = Array.from({ length: 10000 }, () => seq.next());
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...ids].sort(), ids, 'sorted as PostgreSQL sorts uuids');
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16), base);
  });
});
