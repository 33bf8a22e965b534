// Adds the stakeholder network to the demo: partner organisations, lecturers, funders, policymakers
// and entrepreneurs with plausible profiles, and innovator profiles for the first learners of each
// country, all through community's HTTP API. The funders and policymakers who signed workshop and
// festival sheets are the same people (personIdForEmail), so innovators get matches with shared
// activities as reasons. Loading twice changes nothing (PUT of the same profile).
import { personIdForEmail } from '@socialmakers/contracts';
import { ACADEMY_COURSE_KEY, LEARNERS_2018 } from './academy-2018';
import { type DemoContext, sendAll } from './demo-context';
import { demoPerson, demoPersonId, seededRandom } from './demo-people';
import { INNOVATORS_PER_COUNTRY, NETWORK_2018, SEEKS_OF_INNOVATORS, SHEET_PEOPLE_PER_COUNTRY } from './network-2018';
import { FIRST_NAMES, LAST_NAMES, SHEET_ROLES } from './programme-2018';

interface Profile {
  personId: string;
  body: Record<string, unknown>;
}

const FUNDER_OFFERS = [['grants'], ['grants', 'mentoring'], ['loans'], ['equity', 'mentoring'], ['prizes', 'visibility']];
const POLICY_OFFERS = [['regulatory-advice'], ['pilots', 'procurement'], ['regulatory-advice', 'pilots']];

export async function loadNetwork(context: DemoContext): Promise<void> {
  const profiles = networkProfiles();
  const put = async ({ personId, body }: Profile) => {
    const response = await fetch(`${context.urls.community}/stakeholders/${personId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${context.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 400) console.error(`[demo] community refused ${personId}: ${response.status} ${await response.text()}`);
    return response.status;
  };
  // Organisations first: members point at them.
  const organisations = profiles.filter((p) => p.body.kind === 'partner-organisation');
  const tally = new Map<number, number>();
  for (const batch of [organisations, profiles.filter((p) => p.body.kind !== 'partner-organisation')]) {
    for (const [status, n] of await sendAll(batch, put, 8)) tally.set(status, (tally.get(status) ?? 0) + n);
  }
  const byKind = profiles.reduce<Record<string, number>>((acc, p) => ({ ...acc, [String(p.body.kind)]: (acc[String(p.body.kind)] ?? 0) + 1 }), {});
  console.log(`[demo] community: ${profiles.length} stakeholder profiles (${Object.entries(byKind).map(([k, n]) => `${n} ${k}`).join(', ')}); statuses ${JSON.stringify(Object.fromEntries(tally))}`);
  const recompute = await fetch(`${context.urls.community}/network/metrics/recompute`, { method: 'POST', headers: { authorization: `Bearer ${context.adminToken}` } });
  if (recompute.ok) {
    const snapshot = (await recompute.json()) as { nodes: number; edges: number; communities: number };
    console.log(`[demo] community: network of ${snapshot.nodes} people and ${snapshot.edges} ties in ${snapshot.communities} communities`);
  }
  const example = demoPerson('learner-SI-0').personId;
  console.log(`[demo] community: an innovator's matches: GET ${context.urls.community}/matchmaking/${example}/matches (course ${ACADEMY_COURSE_KEY})`);
}

export function networkProfiles(): Profile[] {
  const random = seededRandom(2018_5);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const profiles: Profile[] = [];
  for (const [country, network] of Object.entries(NETWORK_2018)) {
    const organisationId = demoPersonId(`partner-${country}`);
    const common = { country, languages: network.languages, appearsInMatches: true, attendanceVisible: true, tags: [] as string[] };
    profiles.push({
      personId: organisationId,
      body: { ...common, kind: 'partner-organisation', displayName: network.partner, topics: network.topics.slice(0, 3), seeks: ['partners'], offers: ['partnership', 'mentoring', 'visibility'] },
    });
    for (const [i, institution] of network.institutions.entries()) {
      profiles.push({
        personId: demoPersonId(`institution-${country}-${i}`),
        body: { ...common, kind: institution.kind, displayName: institution.name, topics: institution.topics, seeks: ['partners'], offers: institution.offers },
      });
    }
    for (const n of ['0', '1', '2', 'guest']) {
      const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      profiles.push({
        personId: demoPerson(`lecturer-${country}-${n}`).personId,
        body: {
          ...common,
          kind: 'lecturer',
          displayName: name,
          topics: [pick(network.topics), 'social-finance'].filter((t, j, all) => all.indexOf(t) === j),
          seeks: ['partners'],
          offers: ['mentoring'],
          organisationId: n === 'guest' ? undefined : organisationId,
          contactEmail: `lecturer-${country.toLowerCase()}-${n}@example.org`,
        },
      });
    }
    // The sign-in sheets' funders, policymakers and entrepreneurs (same names and ids as on the sheets).
    for (let n = 0; n < SHEET_PEOPLE_PER_COUNTRY; n += 1) {
      const role = SHEET_ROLES[n % SHEET_ROLES.length];
      if (role !== 'funder' && role !== 'policymaker' && role !== 'entrepreneur') continue;
      const email = `participant-${country.toLowerCase()}-${n}@example.org`;
      const displayName = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[(n * 7 + country.charCodeAt(0)) % LAST_NAMES.length]}`;
      const topics = [pick(network.topics), pick(network.topics), pick(network.topics)].filter((t, j, all) => all.indexOf(t) === j);
      const offers = role === 'funder' ? pick(FUNDER_OFFERS) : role === 'policymaker' ? pick(POLICY_OFFERS) : ['partnership', 'mentoring'];
      profiles.push({
        personId: personIdForEmail(email),
        body: { ...common, kind: role, displayName, topics, seeks: role === 'entrepreneur' ? ['partners'] : [], offers, contactEmail: email, attendanceVisible: random() > 0.15 },
      });
    }
    // Innovators among the Academy learners.
    for (let n = 0; n < Math.min(INNOVATORS_PER_COUNTRY, LEARNERS_2018[country] ?? 0); n += 1) {
      const topics = [pick(network.topics), pick(network.topics), pick(network.topics)].filter((t, j, all) => all.indexOf(t) === j);
      profiles.push({
        personId: demoPerson(`learner-${country}-${n}`).personId,
        body: {
          ...common,
          kind: 'innovator',
          displayName: `${FIRST_NAMES[(n * 5 + 3) % FIRST_NAMES.length]} ${LAST_NAMES[(n * 3 + country.charCodeAt(1)) % LAST_NAMES.length]}`,
          topics,
          seeks: [...pick(SEEKS_OF_INNOVATORS)],
          offers: [],
          summary: `A ${topics[0].replace('-', ' ')} initiative from ${country}, developed in the Social Innovation Academy.`,
          contactEmail: `learner-${country.toLowerCase()}-${n}@example.org`,
          appearsInMatches: n === 0 || random() > 0.1,
        },
      });
    }
  }
  return profiles;
}
