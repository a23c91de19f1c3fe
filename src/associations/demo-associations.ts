import type { Queryable } from '../db/database.ts';

/**
 * Demo association offers for a municipality, in the spirit of Brønderslev's platform: a walking club
 * with an intro course and volunteer companions, a men's meeting place, a swimming intro for
 * newcomers, Arabic-speaking women's walks in the health house's area, chair gymnastics and cycling.
 * Written with the caller's transaction (the demo loader's, as owner); areas are the demo districts.
 */
export async function seedDemoAssociations(tx: Queryable, municipalityId: string, town: string): Promise<number> {
  const clubs: { name: string; contact: string; offers: Record<string, unknown>[] }[] = [
    { name: `${town} Gåklub`, contact: 'gaaklub@example.org', offers: [
      { activity: 'Gåtur i roligt tempo', activity_kind: 'walking', place_name: 'P-pladsen ved Søparken', area: `${town} Centrum`, weekdays: [2, 4], start_time: '10:00', intro_course: true,
        intro_note: 'Fire ture på et lukket hold for nye', inclusiveness: 'adapted', companion_available: true },
      { activity: 'Stavgang ved stranden', activity_kind: 'walking', place_name: 'Strandvejens parkering', area: 'Havnsø', weekdays: [6], start_time: '09:30', inclusiveness: 'welcoming' },
    ] },
    { name: 'Mændenes Mødested', contact: 'moedested@example.org', offers: [
      { activity: 'Værksted og kaffe', activity_kind: 'social', place_name: 'Det gamle mejeri', area: 'Egeskov', weekdays: [3], start_time: '13:00', inclusiveness: 'adapted', companion_available: true },
    ] },
    { name: `${town} Svømmeklub`, contact: 'svoem@example.org', offers: [
      { activity: 'Svømning for nye voksne', activity_kind: 'swimming', place_name: `${town} Svømmehal`, area: `${town} Centrum`, weekdays: [1], start_time: '18:00', intro_course: true,
        intro_note: 'Seks gange med instruktør på et lukket hold', inclusiveness: 'welcoming' },
    ] },
    { name: 'Vestparkens Beboerforening', contact: 'beboerhuset@example.org', offers: [
      { activity: 'Gåtur for kvinder', activity_kind: 'walking', place_name: 'Beboerhuset', area: 'Vestparken', weekdays: [2], start_time: '10:00', languages: ['da', 'ar', 'so'], inclusiveness: 'adapted', companion_available: true },
    ] },
    { name: 'Ældre Sagen, lokalafdeling', contact: 'lokal@example.org', offers: [
      { activity: 'Stolegymnastik', activity_kind: 'strength', place_name: 'Aktivitetscentret', area: `${town} Centrum`, weekdays: [4], start_time: '14:00', inclusiveness: 'adapted' },
      { activity: 'Cykeltur på landet', activity_kind: 'cycling', place_name: 'Kirkepladsen', area: 'Egeskov', weekdays: [5], start_time: '10:00', inclusiveness: 'ordinary' },
    ] },
  ];
  let count = 0;
  for (const club of clubs) {
    const id = (await tx.query<{ id: string }>('INSERT INTO association (municipality_id, name, public_contact) VALUES ($1, $2, $3) RETURNING id', [municipalityId, club.name, club.contact])).rows[0]!.id;
    for (const o of club.offers) {
      const columns = ['municipality_id', 'association_id', ...Object.keys(o)];
      await tx.query(`INSERT INTO association_offer (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, [municipalityId, id, ...Object.values(o)]);
      count++;
    }
  }
  return count;
}
