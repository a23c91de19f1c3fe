/** Fictitious people and places for the demo municipality. Lists written for Ligevej. */

export const danishGivenNames = {
  female: ['Anne', 'Kirsten', 'Hanne', 'Mette', 'Anna', 'Helle', 'Susanne', 'Lene', 'Maria', 'Marianne', 'Inge', 'Karen', 'Lone',
    'Bente', 'Camilla', 'Pia', 'Louise', 'Charlotte', 'Jette', 'Tina', 'Gitte', 'Birgit', 'Ulla', 'Dorte', 'Lisbeth', 'Rikke',
    'Winnie', 'Birthe', 'Connie', 'Grethe', 'Ida', 'Else', 'Vibeke', 'Hanna', 'Sofie', 'Julie', 'Karin', 'Tove', 'Jytte', 'Lis'],
  male: ['Peter', 'Jens', 'Lars', 'Michael', 'Henrik', 'Søren', 'Thomas', 'Jan', 'Niels', 'Morten', 'Jesper', 'Anders', 'Per',
    'Hans', 'Erik', 'Klaus', 'Ole', 'Torben', 'Martin', 'Poul', 'Kim', 'Bent', 'Flemming', 'Carsten', 'Steen', 'Kenneth', 'Brian',
    'Finn', 'John', 'Allan', 'Bo', 'Kurt', 'Leif', 'Jørgen', 'Preben', 'Knud', 'Frank', 'Ib', 'Svend', 'Mogens'],
} as const;

export const danishFamilyNames = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen',
  'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen',
  'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Olesen', 'Frederiksen', 'Laursen', 'Henriksen', 'Lund',
  'Schmidt', 'Holm', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Iversen', 'Jeppesen', 'Mogensen',
  'Vestergaard', 'Nissen', 'Lauridsen', 'Kjær', 'Dam', 'Bech', 'Eriksen', 'Berg', 'Bak', 'Overgaard', 'Skov', 'Brandt'] as const;

export const westernNames = {
  female: ['Katarzyna', 'Agnieszka', 'Ingrid', 'Sarah', 'Elena', 'Ioana', 'Birgitta', 'Monika'],
  male: ['Piotr', 'Tomasz', 'Andrzej', 'Mark', 'Klaus-Dieter', 'Mihai', 'Gunnar', 'Darius'],
  family: ['Kowalski', 'Nowak', 'Wiśniewska', 'Müller', 'Schneider', 'Smith', 'Popescu', 'Johansson', 'Kazlauskas', 'Lindqvist'],
  languages: ['pl', 'de', 'en', 'ro', 'lt'] as const,
} as const;

/** Names, family names and the preferred language of non-western citizens, by language. */
export const nonWesternNames = {
  ar: { female: ['Fatima', 'Aisha', 'Mariam', 'Layla', 'Nour', 'Samira'], male: ['Mohammad', 'Ahmad', 'Ali', 'Khaled', 'Hassan', 'Youssef'], family: ['Hassan', 'Ali', 'Abdullah', 'Haddad', 'Khalil', 'Saleh'] },
  tr: { female: ['Ayşe', 'Emine', 'Fatma', 'Zeynep', 'Hatice'], male: ['Mehmet', 'Mustafa', 'Hüseyin', 'İbrahim', 'Osman'], family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk'] },
  so: { female: ['Hodan', 'Faadumo', 'Sahra', 'Hibaaq', 'Ayaan'], male: ['Abdi', 'Mahad', 'Cabdullahi', 'Warsame', 'Guuleed'], family: ['Warsame', 'Jama', 'Farah', 'Osman', 'Abdi', 'Mohamud'] },
  fa: { female: ['Maryam', 'Zahra', 'Parisa', 'Shirin', 'Leila'], male: ['Reza', 'Ali Reza', 'Hossein', 'Farid', 'Javad'], family: ['Ahmadi', 'Hosseini', 'Karimi', 'Rahimi', 'Mohammadi', 'Rezaei'] },
  ur: { female: ['Nasreen', 'Shazia', 'Rubina', 'Farzana'], male: ['Imran', 'Tariq', 'Asif', 'Naveed'], family: ['Khan', 'Hussain', 'Iqbal', 'Butt', 'Malik'] },
  bs: { female: ['Amra', 'Jasmina', 'Senada', 'Mirsada'], male: ['Edin', 'Mirza', 'Senad', 'Kemal'], family: ['Hodžić', 'Hadžić', 'Begić', 'Delić', 'Kovačević'] },
  vi: { female: ['Lan', 'Hoa', 'Thuy', 'Mai'], male: ['Minh', 'Tuan', 'Hung', 'Long'], family: ['Nguyen', 'Tran', 'Le', 'Pham'] },
} as const;
export type NonWesternLanguage = keyof typeof nonWesternNames;
/** Relative frequency of the language groups among non-western citizens referred in a Danish municipality (assumption). */
export const nonWesternLanguageWeights: Readonly<Record<NonWesternLanguage, number>> = { ar: 0.32, tr: 0.2, so: 0.12, fa: 0.12, ur: 0.1, bs: 0.09, vi: 0.05 };

export const streetNames = ['Skolevej', 'Kirkevej', 'Østergade', 'Vestergade', 'Nørregade', 'Søndergade', 'Bakkevej', 'Engvej',
  'Skovvej', 'Møllevej', 'Stationsvej', 'Birkevej', 'Egevej', 'Lærkevej', 'Ahornvej', 'Rosenvænget', 'Havnegade', 'Parkvej',
  'Grønnegade', 'Markvej', 'Kastanie Allé', 'Byagervej', 'Violvej', 'Fasanvej'] as const;

export interface DemoDistrict { name: string; postalCode: string; city: string; areaType: 'urban' | 'deprived_housing_area' | 'rural'; streets?: readonly string[] }

/** A fictitious municipality: a town with a social-housing district and villages (Danish-looking postal codes, invented places). */
export function districtsOf(town: string, index: number): DemoDistrict[] {
  const base = 4000 + (index % 50) * 20;
  const pc = (n: number) => String(base + n);
  return [
    { name: `${town} Centrum`, postalCode: pc(0), city: town, areaType: 'urban' },
    { name: `${town} Nord`, postalCode: pc(1), city: town, areaType: 'urban' },
    { name: `${town} Syd`, postalCode: pc(2), city: town, areaType: 'urban' },
    { name: 'Vestparken', postalCode: pc(3), city: town, areaType: 'deprived_housing_area', streets: ['Vestparken', 'Blokvej', 'Gårdhaven'] },
    { name: 'Havnsø', postalCode: pc(4), city: 'Havnsø', areaType: 'rural' },
    { name: 'Lyngby Mark', postalCode: pc(5), city: 'Lyngby Mark', areaType: 'rural' },
    { name: 'Egeskov', postalCode: pc(6), city: 'Egeskov', areaType: 'rural' },
  ];
}

export const demoTowns = ['Ligeby', 'Sundby', 'Bakkerup', 'Fjordhavn', 'Skovlund', 'Ådal', 'Engby', 'Møllerup', 'Strandby'] as const;

export const demoStaff = [
  { username: 'sygeplejerske', displayName: 'Sara Sygeplejerske', profession: 'Sygeplejerske', role: 'clinician' },
  { username: 'fysioterapeut', displayName: 'Frederik Fysioterapeut', profession: 'Fysioterapeut', role: 'clinician' },
  { username: 'diaetist', displayName: 'Dorthe Diætist', profession: 'Klinisk diætist', role: 'clinician' },
  { username: 'koordinator', displayName: 'Karin Koordinator', profession: 'Forløbskoordinator', role: 'coordinator' },
  { username: 'leder', displayName: 'Lise Leder', profession: 'Sundhedschef', role: 'manager' },
  { username: 'admin', displayName: 'Adam Administrator', profession: null, role: 'admin' },
] as const;
