// The security suite's own harness: a hostile Skaha and the built daemon as a child process.
import { afterEach, describe, expect, it } from 'vitest';
import { assertBuilt } from '../cli/spawn-cli.js';
import { securityHome, skahaTui, startDaemonProcess, type DaemonProcess, type SecurityHome } from '../security/daemon-process.js';
import { startHostileSkaha, wireSession, type HostileSkaha } from '../security/hostile-skaha.js';

let skaha: HostileSkaha | undefined;
let home: SecurityHome | undefined;
let daemon: DaemonProcess | undefined;
afterEach(async () => {
  await daemon?.stop();
  await skaha?.close();
  home?.cleanup();
  daemon = skaha = home = undefined;
});

describe('security harness', { timeout: 30_000 }, () => {
  it('a daemon of the built binary polls the hostile server and answers ps from its cache', async () => {
    assertBuilt();
    skaha = await startHostileSkaha();
    skaha.sessions.push(wireSession({ id: 'abcd1234', name: 'plain' }));
    home = securityHome(skaha);
    daemon = await startDaemonProcess(home, home.env());
    const ps = await skahaTui(['ps', '--json', '-v'], home.env());
    expect(ps.code, ps.stderr).toBe(0);
    expect(JSON.parse(ps.stdout)).toMatchObject([{ id: 'abcd1234', name: 'plain' }]);
    expect(ps.stderr).toMatch(/daemon/);
    expect(await daemon.stop()).toMatchObject({ code: 0 });
  });
});
