import type { Client } from './harness.ts';
import { code } from './codes.ts';

/** A place and an offer in the catalogue, made by a coordinator over the API. */
export async function createPlace(coordinator: Client, name: string, kind = 'health_centre', area: string | null = 'Centrum'): Promise<{ id: string }> {
  const res = await coordinator.post('/api/places', { name, kind, area });
  if (res.status !== 201) throw new Error(`place: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createOffer(coordinator: Client, over: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await coordinator.post('/api/offers', {
    internalName: `Diabetes, hold ${Math.random().toString(36).slice(2, 8)}`, publicName: 'Sund hverdag med diabetes',
    interventionCodes: [code('interventions119', 'Fysisk træning'), code('interventions119', 'Kostvejledning')], diseases: ['type2_diabetes'],
    deliveryMode: 'group', languages: ['da', 'ar'], sessionMinutes: 120, sessionCount: 8, capacity: 12, ...over,
  });
  if (res.status !== 201) throw new Error(`offer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createCatalogueTeam(coordinator: Client, offerId: string, over: Record<string, unknown> = {}): Promise<{ team: { id: string; version: number }; sessions: { id: string; startAt: string; version: number }[] }> {
  const res = await coordinator.post('/api/teams', { offerId, language: 'da', from: '2026-03-02', weekday: 1, startTime: '10:00', ...over });
  if (res.status !== 201) throw new Error(`team: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
