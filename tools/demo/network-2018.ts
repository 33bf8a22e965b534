/**
 * The stakeholders the 2018 programme brought together, for the community demo: per partner country
 * its languages, the partner organisation, and the funders and policymakers a newcomer should find.
 * Institutions are plausible types, not real bodies; people are drawn from the same name pools as the
 * sign-in sheets, so the funders and policymakers who signed sheets are the same people here.
 */
export interface CountryNetwork {
  languages: string[];
  partner: string;
  /** Funding bodies without a sign-in sheet entry (they meet innovators only through the network). */
  institutions: Array<{ name: string; kind: 'funder' | 'policymaker'; topics: string[]; offers: string[] }>;
  /** What innovators of this country work on most. */
  topics: string[];
}

export const NETWORK_2018: Record<string, CountryNetwork> = {
  SI: {
    languages: ['sl', 'en'],
    partner: 'Zavod Ypsilon (Social(i)Makers partner, Slovenia)',
    institutions: [
      { name: 'Slovenski sklad za socialne naložbe', kind: 'funder', topics: ['social-finance', 'inclusion', 'employment'], offers: ['loans', 'grants'] },
      { name: 'Mestna občina Maribor, urad za razvoj', kind: 'policymaker', topics: ['ageing', 'housing', 'civic-participation'], offers: ['pilots', 'procurement'] },
    ],
    topics: ['ageing', 'social-finance', 'inclusion', 'food', 'rural-development'],
  },
  HR: {
    languages: ['hr', 'en'],
    partner: 'ACT Grupa (Social(i)Makers partner, Croatia)',
    institutions: [
      { name: 'Zaklada za društvene inovacije', kind: 'funder', topics: ['youth', 'education', 'employment'], offers: ['grants', 'prizes'] },
      { name: 'Grad Zagreb, ured za socijalnu zaštitu', kind: 'policymaker', topics: ['inclusion', 'housing'], offers: ['regulatory-advice', 'pilots'] },
    ],
    topics: ['employment', 'youth', 'circular-economy', 'inclusion'],
  },
  AT: {
    languages: ['de', 'en'],
    partner: 'Impact Hub Graz (Social(i)Makers partner, Austria)',
    institutions: [
      { name: 'Sozialinvestitionsfonds Steiermark', kind: 'funder', topics: ['social-finance', 'employment', 'migration'], offers: ['equity', 'loans'] },
      { name: 'Land Steiermark, Abteilung Soziales', kind: 'policymaker', topics: ['migration', 'inclusion'], offers: ['regulatory-advice', 'procurement'] },
    ],
    topics: ['migration', 'employment', 'environment', 'mobility'],
  },
  HU: {
    languages: ['hu', 'en'],
    partner: 'Társadalmi Innovációs Egyesület (Social(i)Makers partner, Hungary)',
    institutions: [
      { name: 'Társadalmi Vállalkozás Alap', kind: 'funder', topics: ['rural-development', 'employment'], offers: ['grants', 'loans'] },
      { name: 'Pécs Megyei Jogú Város', kind: 'policymaker', topics: ['culture', 'civic-participation'], offers: ['pilots'] },
    ],
    topics: ['rural-development', 'culture', 'education'],
  },
  CZ: {
    languages: ['cs', 'en'],
    partner: 'Nadace Via (Social(i)Makers partner, Czechia)',
    institutions: [
      { name: 'Fond sociálních inovací Brno', kind: 'funder', topics: ['digital', 'education', 'health'], offers: ['grants', 'prizes'] },
      { name: 'Jihomoravský kraj, odbor regionálního rozvoje', kind: 'policymaker', topics: ['health', 'ageing'], offers: ['regulatory-advice', 'procurement'] },
    ],
    topics: ['digital', 'health', 'ageing', 'education'],
  },
  SK: {
    languages: ['sk', 'cs', 'en'],
    partner: 'Centrum pre filantropiu (Social(i)Makers partner, Slovakia)',
    institutions: [{ name: 'Fond sociálnej ekonomiky', kind: 'funder', topics: ['social-finance', 'employment'], offers: ['loans', 'equity'] }],
    topics: ['employment', 'social-finance', 'housing'],
  },
  PL: {
    languages: ['pl', 'en'],
    partner: 'Fundacja Inkubator (Social(i)Makers partner, Poland)',
    institutions: [
      { name: 'Małopolski Fundusz Ekonomii Społecznej', kind: 'funder', topics: ['social-finance', 'inclusion'], offers: ['loans', 'grants'] },
      { name: 'Urząd Miasta Krakowa, wydział polityki społecznej', kind: 'policymaker', topics: ['ageing', 'housing'], offers: ['pilots', 'procurement'] },
    ],
    topics: ['ageing', 'inclusion', 'food'],
  },
  IT: {
    languages: ['it', 'sl', 'en'],
    partner: 'Fondazione Pietro Pittini (Social(i)Makers partner, Italy)',
    institutions: [{ name: 'Fondo per l’innovazione sociale FVG', kind: 'funder', topics: ['culture', 'environment'], offers: ['grants', 'prizes'] }],
    topics: ['culture', 'environment', 'circular-economy'],
  },
  DE: {
    languages: ['de', 'en'],
    partner: 'Social Impact Lab Leipzig (Social(i)Makers partner, Germany)',
    institutions: [{ name: 'Stiftung Soziale Innovation Sachsen', kind: 'funder', topics: ['digital', 'youth'], offers: ['grants', 'mentoring'] }],
    topics: ['digital', 'youth', 'mobility'],
  },
};

/** Innovator profiles made for the first learners of each country. */
export const INNOVATORS_PER_COUNTRY = 30;
/** Sign-in sheet participants (by their pool number) who get a profile. */
export const SHEET_PEOPLE_PER_COUNTRY = 64;

export const SEEKS_OF_INNOVATORS = [
  ['funding', 'mentoring'],
  ['funding', 'policy-support'],
  ['policy-support', 'partners'],
  ['funding', 'pilots'],
] as const;
