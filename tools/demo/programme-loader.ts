import { ACADEMY_COURSE_KEY, ACADEMY_MODULES, LEARNERS_2018 } from './academy-2018';
import { type DemoContext, sendAll } from './demo-context';
import { demoPerson, demoPersonId } from './demo-people';
import {
  FESTIVALS_2018,
  FIRST_NAMES,
  LAST_NAMES,
  PROGRAMME_ITEMS,
  SHEET_ROLES,
  WEBINARS_2018,
  WORKSHOPS_2018,
  type Festival2018,
  type Webinar2018,
} from './programme-2018';

/** Share of a workshop's or webinar's participants who are Academy learners (checked in by their learner id). */
const LEARNER_SHARE = 0.45;
const CATALOGUE_WAIT_MS = 180_000;

/** A partner organisation's stable id per country, and a token of one of its organisers. */
function partner(context: DemoContext, country: string): { organisationId: string; token: string } {
  const organisationId = demoPersonId(`partner-${country}`);
  return { organisationId, token: context.tokenFor(demoPersonId(`organiser-${country}`), ['organiser'], organisationId) };
}

/** The instant of a wall-clock time in a time zone, as an ISO string with its offset resolved. */
function localInstant(date: string, time: string, timeZone: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess.getTime() - (shown - guess.getTime())).toISOString();
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Participants {
  learnerIds: string[];
  sheetRows: string[];
}

/** People of a country who are not Academy learners, drawn from a pool so some come to several activities. */
class CountryPeople {
  private nextLearner = new Map<string, number>();
  private nextGuest = new Map<string, number>();

  pick(country: string, count: number, learnerCountry = country): Participants {
    const learners = Math.round(count * LEARNER_SHARE);
    const learnerPool = LEARNERS_2018[learnerCountry] ?? 0;
    const learnerIds: string[] = [];
    let at = this.nextLearner.get(learnerCountry) ?? 0;
    for (let i = 0; i < Math.min(learners, learnerPool); i += 1) learnerIds.push(demoPerson(`learner-${learnerCountry}-${(at + i) % learnerPool}`).personId);
    // Advance by less than taken, so some learners come back to the next activity.
    this.nextLearner.set(learnerCountry, (at + Math.ceil(learnerIds.length * 0.8)) % Math.max(1, learnerPool));

    const guests = count - learnerIds.length;
    const pool = Math.max(guests, Math.round(((WORKSHOPS_2018[country]?.participants ?? 100) * (1 - LEARNER_SHARE)) / 1.3));
    at = this.nextGuest.get(country) ?? 0;
    const sheetRows: string[] = [];
    for (let i = 0; i < guests; i += 1) {
      const n = (at + i) % pool;
      const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[(n * 7 + country.charCodeAt(0)) % LAST_NAMES.length]}`;
      const email = `participant-${country.toLowerCase()}-${n}@example.org`;
      const organisation = n % 3 === 0 ? `"Zavod ${LAST_NAMES[n % LAST_NAMES.length]}, ${country}"` : '';
      sheetRows.push([name, email, organisation, country, SHEET_ROLES[n % SHEET_ROLES.length]].join(','));
    }
    this.nextGuest.set(country, (at + guests) % pool);
    return { learnerIds, sheetRows };
  }
}

class EventsApi {
  constructor(private readonly context: DemoContext) {}

  async send(method: string, path: string, bearer: string, body?: unknown, csv?: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.context.urls.events}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        'x-request-id': 'demo-load',
        ...(csv !== undefined ? { 'content-type': 'text/csv' } : body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: csv ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`events refused ${method} ${path} (${response.status}): ${text}`);
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /** Check-ins, the sign-in sheet, the headcount, then "held" with the final counts. Every step is idempotent. */
  async recordAndClose(activityId: string, bearer: string, people: Participants, walkIns = 0): Promise<void> {
    await sendAll(people.learnerIds, async (personId) => (await this.send('POST', `/activities/${activityId}/check-ins`, bearer, { personId })).status, 8);
    if (people.sheetRows.length > 0) {
      const report = await this.send('POST', `/activities/${activityId}/sign-in-sheets`, bearer, undefined, ['name,email,organisation,country,role', ...people.sheetRows].join('\n'));
      if ((report.body.rejected as unknown[]).length > 0) throw new Error(`the demo sheet of ${activityId} has bad rows: ${JSON.stringify(report.body.rejected)}`);
    }
    if (walkIns > 0) await this.send('PUT', `/activities/${activityId}/headcount`, bearer, { walkIns });
    await this.send('POST', `/activities/${activityId}/held`, bearer);
  }
}

async function waitForCatalogue(context: DemoContext, api: EventsApi): Promise<void> {
  const deadline = Date.now() + CATALOGUE_WAIT_MS;
  for (;;) {
    const { body } = await api.send('GET', `/catalogue/modules?courseKey=${ACADEMY_COURSE_KEY}`, context.adminToken);
    const known = new Set((body.modules as Array<{ moduleKey: string }>).map((m) => m.moduleKey));
    if (ACADEMY_MODULES.every((key) => known.has(key))) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the events service has not seen the Academy catalogue after ${CATALOGUE_WAIT_MS / 1000} s (knows ${known.size} of ${ACADEMY_MODULES.length} modules); ` +
          'learning must publish course.published.v1 first',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function loadFestival(context: DemoContext, api: EventsApi, people: CountryPeople, festival: Festival2018, index: number): Promise<void> {
  const { timeZone } = WORKSHOPS_2018[festival.country];
  const organiser = partner(context, festival.country);
  const id = demoPersonId(`activity-festival-${festival.country}-${festival.date}`);
  await api.send('POST', '/activities', organiser.token, {
    id,
    kind: 'festival',
    title: `Social(i)Makers festival ${festival.city}`,
    organiserId: organiser.organisationId,
    country: festival.country,
    city: festival.city,
    venue: `${festival.city} cultural centre`,
    timeZone,
    startsAt: localInstant(festival.date, '10:00', timeZone),
    endsAt: localInstant(festival.date, '22:00', timeZone),
    programme: PROGRAMME_ITEMS.slice(0, 3 + (index % 2)).map((item) => ({
      kind: item.kind,
      title: item.title,
      startsAt: localInstant(festival.date, item.at, timeZone),
      endsAt: localInstant(festival.date, item.until, timeZone),
    })),
  });
  await api.recordAndClose(id, organiser.token, people.pick(festival.country, festival.named), festival.visitors - festival.named);
}

async function loadWebinar(context: DemoContext, api: EventsApi, people: CountryPeople, webinar: Webinar2018): Promise<void> {
  const organiser = partner(context, webinar.country);
  const id = demoPersonId(`activity-webinar-${webinar.key}`);
  await api.send('POST', '/activities', organiser.token, {
    id,
    kind: 'webinar',
    title: webinar.title,
    organiserId: organiser.organisationId,
    country: webinar.country,
    timeZone: WORKSHOPS_2018[webinar.country].timeZone,
    startsAt: webinar.startsAt,
    endsAt: webinar.endsAt,
    topic: webinar.title,
    joinLink: `https://webinars.example.org/socialmakers/${webinar.key}`,
    capacity: 100,
  });
  // Webinar participants come from every partner country; the learners among them registered first.
  const countries = Object.keys(LEARNERS_2018);
  const participants: Participants = { learnerIds: [], sheetRows: [] };
  countries.forEach((country, i) => {
    const share = Math.floor(webinar.participants / countries.length) + (i < webinar.participants % countries.length ? 1 : 0);
    const picked = people.pick(country, share);
    participants.learnerIds.push(...picked.learnerIds);
    participants.sheetRows.push(...picked.sheetRows);
  });
  await sendAll(participants.learnerIds, async (personId) => (await api.send('POST', `/activities/${id}/registrations`, organiser.token, { personId })).status, 8);
  await api.recordAndClose(id, organiser.token, participants);
}

async function loadWorkshops(context: DemoContext, api: EventsApi, people: CountryPeople): Promise<number> {
  let loaded = 0;
  let moduleTurn = 0;
  for (const [countryIndex, [country, plan]] of Object.entries(WORKSHOPS_2018).entries()) {
    const organiser = partner(context, country);
    const jobs = Array.from({ length: plan.workshops }, (_, w) => {
      const count = Math.floor(plan.participants / plan.workshops) + (w < plan.participants % plan.workshops ? 1 : 0);
      const moduleKey = ACADEMY_MODULES[moduleTurn++ % ACADEMY_MODULES.length];
      const date = addDays('2018-09-17', w * 12 + countryIndex);
      const city = plan.cities[w % plan.cities.length];
      return { w, count, moduleKey, date, city, people: people.pick(country, count) };
    });
    await sendAll(
      jobs,
      async (job) => {
        const id = demoPersonId(`activity-workshop-${country}-${job.w}`);
        await api.send('POST', '/activities', organiser.token, {
          id,
          kind: 'workshop',
          title: `Field workshop: ${job.moduleKey.replace(/-/g, ' ')} (${job.city})`,
          organiserId: organiser.organisationId,
          country,
          city: job.city,
          venue: `${job.city} social innovation hub`,
          timeZone: plan.timeZone,
          startsAt: localInstant(job.date, '09:00', plan.timeZone),
          endsAt: localInstant(job.date, '13:00', plan.timeZone),
          courseKey: ACADEMY_COURSE_KEY,
          moduleKey: job.moduleKey,
          lecturerIds: [demoPerson(`lecturer-${country}-${job.w % 3}`).personId, ...(job.w % 2 === 0 ? [demoPerson(`lecturer-${country}-guest`).personId] : [])],
          capacity: 40,
        });
        await api.recordAndClose(id, organiser.token, job.people);
        loaded += 1;
        return 200;
      },
      4,
    );
  }
  return loaded;
}

/** The 2018 programme through the events service's own API: festivals, webinars, then (once it knows the Academy) workshops. */
export async function loadProgramme(context: DemoContext): Promise<void> {
  const started = Date.now();
  const api = new EventsApi(context);
  const people = new CountryPeople();
  for (const [index, festival] of FESTIVALS_2018.entries()) await loadFestival(context, api, people, festival, index);
  for (const webinar of WEBINARS_2018) await loadWebinar(context, api, people, webinar);
  await waitForCatalogue(context, api);
  const workshops = await loadWorkshops(context, api, people);

  const summary = await Promise.all(
    ['workshop', 'festival', 'webinar'].map(async (kind) => {
      const { body } = await api.send('GET', `/activities?kind=${kind}&status=held`, context.adminToken);
      const list = body as unknown as Array<{ id: string }>;
      const counts = await Promise.all(list.map(async (a) => (await api.send('GET', `/activities/${a.id}`, context.adminToken)).body.counts as { participants: number; walkIns: number }));
      return `${list.length} ${kind}s / ${counts.reduce((sum, c) => sum + c.participants + c.walkIns, 0)}`;
    }),
  );
  console.log(`[demo] programme 2018: ${summary.join(', ')} (${workshops} workshops loaded) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
