import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { fillPath, jsonSchemaOf, queryFor, sample, stringPaths } from './request-samples.ts';

describe('sample requests from route schemas', () => {
  const body = z.strictObject({ id: z.uuid(), name: z.string().max(50), on: z.iso.date(), kind: z.enum(['a', 'b']), tags: z.array(z.string()), n: z.number().int().min(3), note: z.string().optional() });
  it('fills strings with the payload and keeps formats valid', () => {
    const value = sample(jsonSchemaOf(body), 'P') as Record<string, unknown>;
    assert.deepEqual(value, { id: '00000000-0000-4000-8000-000000000000', name: 'P', on: '2026-03-01', kind: 'a', tags: ['P'], n: 3, note: 'P' });
    assert.equal(body.safeParse(value).success, true);
  });
  it('lists free-text fields and fills paths and queries', () => {
    assert.deepEqual(stringPaths(jsonSchemaOf(body)), ['name', 'tags[]', 'note']);
    assert.equal(fillPath('/api/x/:id/y/:key', "' OR 1=1"), '/api/x/\'%20OR%201%3D1/y/\'%20OR%201%3D1');
    assert.equal(queryFor(jsonSchemaOf(z.object({ q: z.string(), limit: z.number() })), 'a&b'), '?q=a%26b&limit=1');
  });
});
