// Earlier launches offered for relaunch: newest first, one per distinct request, only those the server accepted.

import { isLaunchSuccess } from '../../src/domain/launch.js';
import type { LaunchRecord } from '../../src/state/state.js';
import { jobFromRequest } from '../../src/domain/job-spec.js';
import { requestFromStored } from '../../src/state/relaunch-plan.js';
import type { LaunchForm } from './launch-form.js';
import { fillFromJob } from './form-profile.js';

/** Recent launches the server accepted (at least one replica got an id), newest first, one per distinct request, at most 9. */
export function recentLaunches(launches: readonly LaunchRecord[]): LaunchRecord[] {
  const seen = new Set<string>();
  const out: LaunchRecord[] = [];
  for (const record of [...launches].reverse()) {
    // A refused launch (a typo, the cap) is not worth offering again.
    if (!record.results?.some(isLaunchSuccess)) continue;
    const key = JSON.stringify({ ...record.request, name: undefined });
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(record);
    if (out.length === 9) break;
  }
  return out;
}

/** The form filled from an earlier launch (secrets are never kept, so a registry secret must be typed again). */
export function fillFromRecord(form: LaunchForm, record: LaunchRecord): LaunchForm {
  const r = record.request;
  const job = jobFromRequest(requestFromStored(r), false);
  return { ...fillFromJob(form, job), registryUser: r.registryUsername ?? '' };
}
