/**
 * The programme's field activities in 2018 (BRIEF.md): 65 field workshops with 1,652 participants
 * (228 in Slovenia), 7 festivals with 740 visitors (3 in Slovenia with 112) and 2 webinars with 121
 * participants. Per-country splits other than Slovenia's are made up to fit the totals.
 */
export interface CountryWorkshops {
  workshops: number;
  participants: number;
  timeZone: string;
  cities: string[];
}

export const WORKSHOPS_2018: Record<string, CountryWorkshops> = {
  SI: { workshops: 9, participants: 228, timeZone: 'Europe/Ljubljana', cities: ['Ljubljana', 'Maribor', 'Celje', 'Koper', 'Kranj'] },
  HR: { workshops: 8, participants: 210, timeZone: 'Europe/Zagreb', cities: ['Zagreb', 'Split', 'Rijeka', 'Osijek'] },
  AT: { workshops: 7, participants: 182, timeZone: 'Europe/Vienna', cities: ['Wien', 'Graz', 'Linz'] },
  HU: { workshops: 7, participants: 180, timeZone: 'Europe/Budapest', cities: ['Budapest', 'Pécs', 'Debrecen'] },
  CZ: { workshops: 7, participants: 176, timeZone: 'Europe/Prague', cities: ['Praha', 'Brno', 'Ostrava'] },
  SK: { workshops: 7, participants: 170, timeZone: 'Europe/Bratislava', cities: ['Bratislava', 'Košice', 'Žilina'] },
  PL: { workshops: 7, participants: 174, timeZone: 'Europe/Warsaw', cities: ['Kraków', 'Warszawa', 'Wrocław'] },
  IT: { workshops: 7, participants: 182, timeZone: 'Europe/Rome', cities: ['Trieste', 'Udine', 'Venezia'] },
  DE: { workshops: 6, participants: 150, timeZone: 'Europe/Berlin', cities: ['München', 'Leipzig', 'Dresden'] },
};

export interface Festival2018 {
  country: string;
  city: string;
  date: string;
  visitors: number;
  /** Of the visitors, how many signed the sheet with their details; the others are a headcount. */
  named: number;
}

export const FESTIVALS_2018: Festival2018[] = [
  { country: 'SI', city: 'Maribor', date: '2018-10-06', visitors: 40, named: 22 },
  { country: 'SI', city: 'Ljubljana', date: '2018-11-17', visitors: 38, named: 20 },
  { country: 'SI', city: 'Koper', date: '2018-12-01', visitors: 34, named: 16 },
  { country: 'HR', city: 'Zagreb', date: '2018-10-20', visitors: 170, named: 64 },
  { country: 'AT', city: 'Graz', date: '2018-11-10', visitors: 160, named: 58 },
  { country: 'HU', city: 'Budapest', date: '2018-11-24', visitors: 150, named: 55 },
  { country: 'CZ', city: 'Brno', date: '2018-12-08', visitors: 148, named: 52 },
];

export interface Webinar2018 {
  key: string;
  country: string;
  title: string;
  startsAt: string;
  endsAt: string;
  participants: number;
}

export const WEBINARS_2018: Webinar2018[] = [
  { key: 'blockchain', country: 'SI', title: 'Can blockchain be a tool for social innovation?', startsAt: '2018-11-14T17:00:00+01:00', endsAt: '2018-11-14T18:30:00+01:00', participants: 58 },
  { key: 'eu-funding', country: 'HR', title: 'Does Europe fund social innovation?', startsAt: '2018-12-12T17:00:00+01:00', endsAt: '2018-12-12T18:30:00+01:00', participants: 63 },
];

export const PROGRAMME_ITEMS = [
  { kind: 'practical-workshop', title: 'Practical workshop: from a local challenge to a first prototype', at: '10:30', until: '12:30' },
  { kind: 'panel-discussion', title: 'Panel: who funds social innovation, and how?', at: '14:00', until: '15:30' },
  { kind: 'practical-workshop', title: 'Practical workshop: telling your impact story', at: '16:00', until: '17:30' },
  { kind: 'film-screening', title: 'Film screening and talk with the makers', at: '19:00', until: '21:00' },
] as const;

export const FIRST_NAMES = ['Ana', 'Marko', 'Eva', 'Luka', 'Nina', 'Tomaž', 'Maja', 'Peter', 'Petra', 'Jan', 'Katarina', 'Matej', 'Lena', 'David', 'Sara', 'Andrej'];
export const LAST_NAMES = ['Novak', 'Horvat', 'Kovač', 'Krajnc', 'Zupan', 'Potočnik', 'Kos', 'Vidmar', 'Golob', 'Mlakar', 'Szabó', 'Nowak', 'Müller', 'Rossi', 'Dvořák', 'Kováč'];
export const SHEET_ROLES = ['innovator', 'innovator', 'citizen', 'entrepreneur', 'innovator', 'funder', 'citizen', 'policymaker'] as const;
