// Loaded into the service under benchmark with NODE_OPTIONS=--require (Node refuses --cpu-prof
// there): SIGUSR2 starts a V8 CPU profile, the next SIGUSR2 writes it to $CPU_PROFILE_DIR
// (named after $CPU_PROFILE_NAME; the learning benchmark uses it too).
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const session = new Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    const dir = process.env.CPU_PROFILE_DIR || '.';
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${process.env.CPU_PROFILE_NAME || 'events'}-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(result.profile));
  });
});
