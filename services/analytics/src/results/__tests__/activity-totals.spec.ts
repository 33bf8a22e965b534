import { summariseActivities, type HeldActivity } from '../activity-totals';
import { headlineOf, type ResultsReport } from '../report';
import { csvField, reportToCsv } from '../report-csv';
import { infographicHtml, infographicSvg } from '../infographic';

const workshop = (country: string, moduleKey: string, lecturerIds: string[], named: number, walkIns: number): HeldActivity => ({
  activityId: `${country}-${moduleKey}-${named}`, kind: 'workshop', country, courseKey: 'sia', moduleKey, lecturerIds, named, walkIns,
});

describe('summariseActivities', () => {
  it('counts participants as named plus walk-ins, per country, module and lecturer', () => {
    const totals = summariseActivities([
      workshop('SI', 'financing', ['l1'], 10, 2),
      workshop('SI', 'design', ['l1', 'l2'], 5, 0),
      workshop('AT', 'financing', ['l2', 'l2'], 0, 7),
      { activityId: 'f', kind: 'festival', country: 'SI', courseKey: null, moduleKey: null, lecturerIds: [], named: 3, walkIns: 10 },
    ]);
    expect(totals.workshops).toMatchObject({ held: 3, participants: 24, named: 15, walkIns: 9 });
    expect(totals.workshops.perCountry).toEqual([
      { country: 'SI', held: 2, participants: 17 },
      { country: 'AT', held: 1, participants: 7 },
    ]);
    expect(totals.workshops.perModule).toEqual([
      { courseKey: 'sia', moduleKey: 'design', held: 1, participants: 5 },
      { courseKey: 'sia', moduleKey: 'financing', held: 2, participants: 19 },
    ]);
    // A lecturer named twice on one workshop counts it once.
    expect(totals.workshops.perLecturer).toEqual([
      { lecturerId: 'l1', held: 2, participants: 17 },
      { lecturerId: 'l2', held: 2, participants: 12 },
    ]);
    expect(totals.festivals).toMatchObject({ held: 1, participants: 13 });
    expect(totals.webinars).toMatchObject({ held: 0, participants: 0, perCountry: [] });
  });
});

const report: ResultsReport = {
  period: { from: '2018-01-01', to: '2018-12-31' },
  enrolments: { enrolled: 2734, created: 2740, withdrawn: 6, perCountry: [{ country: 'SI', count: 700 }, { country: 'AT', count: 2034 }], perWeek: [{ week: '2018-09-10', count: 2734 }] },
  funnel: [{ courseKey: 'sia', enrolled: 2734, modules: [{ moduleKey: 'm1', position: 1, title: 'M1', completed: 2000 }], courseCompleted: 542, certificates: 542 }],
  ...summariseActivities([workshop('SI', 'financing', ['l1'], 200, 28), workshop('AT', 'financing', ['l2'], 100, 0)]),
  uniquePeople: { total: 3000, perCountry: [{ country: 'SI', count: 1000 }] },
  countryFunnel: [{ country: 'SI', enrolled: 700, moduleCompleted: 600, attendedWorkshop: 200, attendedFestivalOrWebinar: 50, introductionRequested: 3, connectedToFunderOrPolicymaker: 1 }],
  network: null,
};

describe('report renderings', () => {
  it('gives the public headline figures without any id', () => {
    const headline = headlineOf(report);
    expect(headline).toMatchObject({ learnersEnrolled: 2734, workshops: { held: 2, participants: 328 } });
    expect(headline.perCountry).toEqual([
      { country: 'AT', learners: 2034, participants: 100 },
      { country: 'SI', learners: 700, participants: 228 },
    ]);
    expect(JSON.stringify(headline)).not.toContain('l1');
  });

  it('writes a long CSV table, quoting and defusing formulas', () => {
    const lines = reportToCsv(report).split('\r\n');
    expect(lines[0]).toBe('section,metric,dimension,key,value');
    expect(lines).toContain('enrolments,enrolled,all,,2734');
    expect(lines).toContain('workshops,participants,country,SI,228');
    expect(lines).toContain('country funnel,connected to a funder or policymaker,country,SI,1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
  });

  it('draws an SVG and a printable page with the figures, escaping text', () => {
    const svg = infographicSvg({ ...headlineOf(report), period: { from: '2018-01-01', to: '<2018>' } });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('data-figure="Academy learners enrolled">2,734<');
    expect(svg).toContain('328 participants');
    expect(svg).toContain('&lt;2018&gt;');
    expect(svg).not.toContain('<2018>');
    expect((svg.match(/<rect x="90"/g) ?? []).length).toBe(4);
    expect(infographicHtml(headlineOf(report))).toContain('@page { size: A4');
  });
});
