// Publishes the programme's first year to the public, as a partner's analyst would: the public
// infographic and headline figures then show it (they show only published periods). The period is
// the one BRIEF.md reports ("more than 2,700 learners by January 2019"): 2018 and that January.
// Publishing the same period again only makes it the latest publication.
import type { DemoContext } from './demo-context';

export const PUBLISHED_PERIOD = { from: '2018-01-01', to: '2019-01-31' };

export async function publishResults(context: DemoContext): Promise<void> {
  const response = await fetch(`${context.urls.analytics}/results/publications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${context.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(PUBLISHED_PERIOD),
  });
  if (response.status !== 201) throw new Error(`analytics refused to publish the 2018 results: ${response.status} ${await response.text()}`);
  console.log(`[demo] analytics: published the results of ${PUBLISHED_PERIOD.from} to ${PUBLISHED_PERIOD.to} (${context.urls.analytics}/results/infographic.html)`);
}
