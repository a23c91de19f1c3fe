import { codeByDisplay, interventionByDisplay } from '../domain/terminology.ts';
import type { DiagnosisGroup } from './calibration.ts';
import { districtsOf, type DemoDistrict } from './names.ts';
import type { IdSequence, Rng } from './random.ts';
import type { Row } from './tables.ts';

export const DAY = 86_400_000;

/** Copenhagen wall-clock time as an instant (CET/CEST: summer time from the last Sunday of March to the last Sunday of October). */
export function copenhagenTime(day: Date, hour: number, minute = 0): Date {
  const y = day.getUTCFullYear();
  const lastSunday = (month: number) => {
    const d = new Date(Date.UTC(y, month + 1, 0));
    return Date.UTC(y, month, d.getUTCDate() - d.getUTCDay(), 1);
  };
  const local = Date.UTC(y, day.getUTCMonth(), day.getUTCDate(), hour, minute);
  const summer = local - 3_600_000 >= lastSunday(2) && local - 7_200_000 < lastSunday(9);
  return new Date(local - (summer ? 2 : 1) * 3_600_000);
}

const isoDays = new Map<number, string>();
/** YYYY-MM-DD of an instant (UTC); memoised because the demo load formats the same few hundred days millions of times. */
export function isoDay(d: Date): string {
  const day = Math.floor(d.getTime() / DAY);
  let s = isoDays.get(day);
  if (s === undefined) isoDays.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
  return s;
}
export const startOfDay = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY);
/** The same day if it is a weekday, else the following Monday. */
export function weekday(d: Date): Date {
  const dow = d.getUTCDay();
  return dow === 6 ? addDays(d, 2) : dow === 0 ? addDays(d, 1) : d;
}

export interface DemoStaffIds { clinicians: string[]; coordinator: string; all: { id: string; username: string; role: string }[] }

export type OrganizationKind = 'gp' | 'hospital_department' | 'specialist' | 'jobcentre' | 'social_services' | 'home_care' | 'other_municipality' | 'own_unit';
export interface DemoOrganization { id: string; kind: OrganizationKind; name: string }

export interface DemoOffer {
  key: string;
  id: string;
  /** What staff call it; the public name never labels a target group. */
  internalName: string;
  name: string;
  diseases: readonly DiagnosisGroup[];
  supportLevel: 'light' | 'standard' | 'extended';
  features: readonly string[];
  interventions: readonly string[];
  weekday: number;
  hour: number;
  sessions: number;
  language: string;
  location: string;
}

export interface DemoPlace { id: string; name: string; kind: 'health_centre' | 'health_house' | 'mobile'; area: string; address: string; accessibility: string }

export interface DemoTeam { id: string; offerKey: string; offerId: string; placeId: string; startsOn: Date; sessions: { id: string; number: number; startAt: Date; endAt: Date }[] }

export interface DemoSetting {
  municipalityId: string;
  districts: DemoDistrict[];
  organizations: DemoOrganization[];
  ownUnitId: string;
  staff: DemoStaffIds;
  offers: Record<string, DemoOffer>;
  /** Teams per offer, in start order. */
  teams: Record<string, DemoTeam[]>;
}

const offerOfDiagnosis: Record<DiagnosisGroup, string> = {
  type2_diabetes: 'diabetes', copd: 'lungs', heart_disease: 'heart', musculoskeletal: 'joints', cancer: 'cancer',
};
export const offerKeyFor = (diagnosis: DiagnosisGroup, languageAdapted: boolean): string => (languageAdapted ? 'health_school' : offerOfDiagnosis[diagnosis]);

function places(ids: IdSequence, town: string): Record<'centre' | 'house' | 'mobile', DemoPlace> {
  return {
    centre: { id: ids.next(), name: `Sundhedscentret, ${town} Centrum`, kind: 'health_centre', area: `${town} Centrum`, address: 'Torvet 4', accessibility: 'Niveaufri adgang, elevator og handicaptoilet.' },
    house: { id: ids.next(), name: 'Sundhedshuset Vestparken', kind: 'health_house', area: 'Vestparken', address: 'Vestparken 12', accessibility: 'Niveaufri adgang. Tolk kan bestilles.' },
    mobile: { id: ids.next(), name: 'Det mobile sundhedsteam', kind: 'mobile', area: 'Landdistrikterne', address: 'Kommer til forsamlingshuse i Havnsø, Lyngby Mark og Egeskov', accessibility: 'Forsamlingshusene har niveaufri adgang.' },
  };
}

function offers(ids: IdSequence, placeOf: ReturnType<typeof places>): Record<string, DemoOffer> {
  const centre = placeOf.centre.name;
  const iv = (...names: string[]) => names.map(interventionByDisplay);
  const base = { supportLevel: 'standard' as const, features: ['step_free'], sessions: 8, language: 'da', location: centre };
  const list: DemoOffer[] = [
    { ...base, key: 'diabetes', id: ids.next(), internalName: 'Diabetesforløb', name: 'Sund hverdag med diabetes', diseases: ['type2_diabetes'], interventions: iv('Sygdomshåndtering', 'Fysisk træning', 'Kostvejledning'), weekday: 2, hour: 10 },
    { ...base, key: 'lungs', id: ids.next(), internalName: 'KOL-forløb', name: 'Lunger i bevægelse', diseases: ['copd'], interventions: iv('Fysisk træning', 'Sygdomshåndtering'), weekday: 3, hour: 13 },
    { ...base, key: 'heart', id: ids.next(), internalName: 'Hjerterehabilitering fase 3', name: 'Hjertet i gang', diseases: ['heart_disease'], interventions: iv('Fysisk træning', 'Sygdomshåndtering'), weekday: 1, hour: 17 },
    { ...base, key: 'joints', id: ids.next(), internalName: 'Artrose- og rygforløb', name: 'Stærk ryg og led', diseases: ['musculoskeletal'], interventions: iv('Fysisk træning', 'Sygdomshåndtering'), weekday: 4, hour: 10 },
    { ...base, key: 'cancer', id: ids.next(), internalName: 'Kræftrehabilitering', name: 'Livet efter kræft', diseases: ['cancer'], interventions: iv('Fysisk træning', 'Mental håndtering'), weekday: 4, hour: 13 },
    { ...base, key: 'health_school', id: ids.next(), internalName: 'Sundhedsskole, sprogtilpasset', name: 'Sundhedsskolen – på dit eget sprog', diseases: ['type2_diabetes', 'heart_disease', 'copd'],
      supportLevel: 'extended', features: ['interpreter', 'companion_welcome', 'step_free'], interventions: iv('Sygdomshåndtering', 'Fysisk træning', 'Kostvejledning'),
      weekday: 2, hour: 13, sessions: 6, language: 'ar', location: placeOf.house.name },
  ];
  return Object.fromEntries(list.map((o) => [o.key, o]));
}

/** Fifteen-digit SOR-like ids; drawn from the generator, so fictitious. */
const sorId = (rng: Rng): string => `${rng.int(1, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;

export interface SettingRows { organization: Row[]; place: Row[]; offer: Row[]; offer_place: Row[]; team: Row[]; team_instructor: Row[]; team_session: Row[] }

/**
 * The municipality's organisations, offers and teams: a team per offer starts every three weeks
 * from before the first referral until two months after the reference date.
 */
export function buildSetting(ids: IdSequence, rng: Rng, municipalityId: string, town: string, townIndex: number, staff: DemoStaffIds, from: Date, reference: Date): { setting: DemoSetting; rows: SettingRows } {
  const rows: SettingRows = { organization: [], place: [], offer: [], offer_place: [], team: [], team_instructor: [], team_session: [] };
  const organizations: DemoOrganization[] = [];
  const addOrg = (kind: OrganizationKind, name: string, system: 'sor' | 'fk-org' = 'sor') => {
    const org = { id: ids.next(), kind, name };
    organizations.push(org);
    rows.organization.push([org.id, municipalityId, system, system === 'sor' ? sorId(rng) : rng.uuid(), name, kind]);
    return org;
  };
  const ownUnit = addOrg('own_unit', `Sundhedscentret ${town}`);
  const doctors = ['Lægerne i Centrum', 'Lægehuset Nord', 'Lægerne Søndergade', 'Havnsø Lægepraksis', 'Lægehuset Vestparken', 'Egeskov Lægecenter',
    'Lægerne ved Torvet', 'Lægeklinikken Syd', 'Lægerne på Stationsvej', 'Lyngby Mark Lægepraksis', 'Familielægerne', 'Lægerne i Parken'];
  for (const d of doctors) addOrg('gp', d);
  for (const d of ['Medicinsk Afdeling, Regionshospitalet', 'Kardiologisk Ambulatorium, Regionshospitalet', 'Lungemedicinsk Ambulatorium, Regionshospitalet',
    'Ortopædkirurgisk Afdeling, Regionshospitalet', 'Onkologisk Afdeling, Universitetshospitalet', 'Akutmodtagelsen, Regionshospitalet', 'Psykiatrisk Center']) addOrg('hospital_department', d);
  addOrg('specialist', 'Speciallægeklinikken for Intern Medicin');
  addOrg('jobcentre', `Jobcenter ${town}`, 'fk-org');
  addOrg('social_services', `Socialafdelingen, ${town} Kommune`, 'fk-org');
  addOrg('home_care', `Hjemmeplejen ${town}`, 'fk-org');
  addOrg('other_municipality', 'Nabokommunens Sundhedscenter');

  const placeOf = places(ids, town);
  for (const pl of Object.values(placeOf)) rows.place.push([pl.id, municipalityId, pl.name, pl.kind, pl.area, pl.address, pl.accessibility]);
  const offerMap = offers(ids, placeOf);
  const placeByName = new Map(Object.values(placeOf).map((pl) => [pl.name, pl]));
  for (const o of Object.values(offerMap)) {
    const timeOfDay = o.hour < 12 ? 'morning' : o.hour < 17 ? 'afternoon' : 'evening';
    const languages = o.key === 'health_school' ? ['ar', 'tr', 'so', 'da'] : ['da'];
    rows.offer.push([o.id, municipalityId, o.internalName, o.name, o.interventions, o.diseases, 'group', languages, timeOfDay, 120, o.sessions, 14, o.supportLevel, o.features]);
    rows.offer_place.push([municipalityId, o.id, placeByName.get(o.location)!.id]);
  }
  const teams: Record<string, DemoTeam[]> = {};
  const horizon = addDays(reference, 75);
  for (const offer of Object.values(offerMap)) {
    teams[offer.key] = [];
    // First start: the offer's weekday in the week after `from`.
    let start = addDays(startOfDay(from), ((offer.weekday - startOfDay(from).getUTCDay() + 7) % 7) + 7);
    let instructor = 0;
    while (start < horizon) {
      const team: DemoTeam = { id: ids.next(), offerKey: offer.key, offerId: offer.id, placeId: placeByName.get(offer.location)!.id, startsOn: start, sessions: [] };
      const week = isoWeek(start);
      const instructorId = staff.clinicians[instructor++ % staff.clinicians.length]!;
      rows.team.push([team.id, municipalityId, `${offer.name}, hold uge ${week.week}/${week.year}`, offer.interventions[0], offer.language, offer.location, 14,
        isoDay(start), offer.weekday, `${String(offer.hour).padStart(2, '0')}:00`, offer.sessions, instructorId, team.offerId, team.placeId, 120]);
      rows.team_instructor.push([municipalityId, team.id, instructorId]);
      for (let n = 1; n <= offer.sessions; n++) {
        const day = addDays(start, (n - 1) * 7);
        const startAt = copenhagenTime(day, offer.hour);
        const endAt = new Date(startAt.getTime() + 2 * 3_600_000);
        const session = { id: ids.next(), number: n, startAt, endAt };
        team.sessions.push(session);
        rows.team_session.push([session.id, municipalityId, team.id, n, startAt, endAt, offer.location, endAt <= reference ? 'held' : 'planned']);
      }
      teams[offer.key]!.push(team);
      start = addDays(start, 21);
    }
  }
  return {
    setting: { municipalityId, districts: districtsOf(town, townIndex), organizations, ownUnitId: ownUnit.id, staff, offers: offerMap, teams },
    rows,
  };
}

/** ISO 8601 week number, as Danish calendars show it. */
export function isoWeek(d: Date): { year: number; week: number } {
  const t = startOfDay(d);
  const dow = (t.getUTCDay() + 6) % 7;
  const thursday = addDays(t, 3 - dow);
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY / 7);
  return { year: thursday.getUTCFullYear(), week };
}

/** The first team of an offer that starts on or after `earliest`. */
export function teamFrom(setting: DemoSetting, offerKey: string, earliest: Date): DemoTeam | null {
  return setting.teams[offerKey]?.find((t) => t.startsOn >= earliest) ?? null;
}

export const groupDelivery = (): string => codeByDisplay('deliveryTypes', 'Gruppebaseret indsats');
export const individualDelivery = (): string => codeByDisplay('deliveryTypes', 'Individuel indsats');
