// The HTTP load of the learning benchmark. Every request enrols a new person (a fresh UUID in the
// path), so each one is a real write: an enrolment row and its outbox event.
//   node -r @swc-node/register tools/bench/learning/enrolment-load.ts <url> <courseKey> <token> <seconds> <connections>
import { randomUUID } from 'node:crypto';
import { runHttpLoad } from '../support/http-load';

const [url, courseKey, token, seconds, connections] = process.argv.slice(2);
runHttpLoad({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ courseKey, country: 'SI' }),
      setupRequest: (request: Record<string, unknown>) => ({ ...request, path: `/learners/${randomUUID()}/enrolments` }),
    },
  ],
});
