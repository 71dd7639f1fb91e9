// The teardown every security test needs: the daemon stopped, the hostile server closed, the home removed.
import { afterEach } from 'vitest';
import type { DaemonProcess, SecurityHome } from './daemon-process.js';
import type { HostileSkaha } from './hostile-skaha.js';

/** What a security test sets up; whatever it set is torn down after the test. */
export interface SecurityRig {
  skaha?: HostileSkaha;
  home?: SecurityHome;
  daemon?: DaemonProcess;
}

/** Registers the teardown after each test of the file and returns the rig the tests fill in. */
export function useSecurityRig(): SecurityRig {
  const rig: SecurityRig = {};
  afterEach(async () => {
    await rig.daemon?.stop();
    await rig.skaha?.close();
    rig.home?.cleanup();
    rig.daemon = rig.skaha = rig.home = undefined;
  });
  return rig;
}
