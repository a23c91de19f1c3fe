import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../test/support/harness.ts';
import { seedDemoAssociations } from './demo-associations.ts';

describe('demo association offers', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(); });
  after(() => server.close());

  it('are written for a municipality and found by the public search', async () => {
    const n = await server.db.ownerTransaction((tx) => seedDemoAssociations(tx, server.municipality.id, 'Ligeby'));
    assert.equal(n, 7);
    const res = await fetch(`${server.url}/api/public/association-offers?municipality=${server.municipality.code}&language=ar`);
    const body = await res.json() as { offers: { activity: string }[]; areas: string[] };
    assert.deepEqual(body.offers.map((o) => o.activity), ['Gåtur for kvinder']);
    // The demo's own districts, so a citizen searching by where they live finds them.
    assert.deepEqual(body.areas, ['Egeskov', 'Havnsø', 'Ligeby Centrum', 'Vestparken']);
  });
});
