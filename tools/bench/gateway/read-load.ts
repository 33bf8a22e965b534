// The HTTP load of the gateway benchmark: the same authenticated GET, either straight to the service
// or through the gateway.
//   node -r @swc-node/register tools/bench/gateway/read-load.ts <url> <token> <seconds> <connections>
import { runHttpLoad } from '../support/http-load';

const [url, token, seconds, connections] = process.argv.slice(2);
runHttpLoad({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  headers: { authorization: `Bearer ${token}` },
});
