import type { Client } from './harness.ts';

/** A walking club with a weekly walk and an intro course, as the bridge-builder registers it. */
export async function createWalkingClub(staff: Client, over: Record<string, unknown> = {}): Promise<{ associationId: string; offerId: string }> {
  const club = await staff.post('/api/associations', {
    name: `Gåklubben Ligeby ${Math.random().toString(36).slice(2, 6)}`, publicContact: 'gaaklubben@example.org', website: 'https://example.org/gaa',
    contactName: 'Kirsten Frivillig', contactPhone: '+45 22 33 44 55',
  });
  if (club.status !== 201) throw new Error(`association: ${club.status} ${JSON.stringify(club.body)}`);
  const offer = await staff.post('/api/association-offers', {
    associationId: club.body.id, activity: 'Gåtur i roligt tempo', activityKind: 'walking', placeName: 'Parkeringspladsen ved Søparken', area: 'Vestparken',
    weekdays: [2, 4], startTime: '10:00', languages: ['da', 'ar'], introCourse: true, introNote: 'Fire gange på lukket hold for nye',
    inclusiveness: 'adapted', companionAvailable: true, links: [{ label: 'Se en video af gåturen', url: 'https://example.org/video', kind: 'video' }], ...over,
  });
  if (offer.status !== 201) throw new Error(`association offer: ${offer.status} ${JSON.stringify(offer.body)}`);
  return { associationId: club.body.id, offerId: offer.body.id };
}
