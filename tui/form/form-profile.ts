// Pure: the launch form to and from a job (a saved profile): what Ctrl-S saves and what Enter on the Profile field loads.

import { jobFromRequest, type JobSpec } from '../../src/domain/job-spec.js';
import type { Session } from '../../src/domain/session.js';
import { redactEnv } from '../../src/state/launches.js';
import { formRequest } from './form-request.js';
import type { LaunchForm } from './launch-form-types.js';
import { suggestName } from './suggest-name.js';

/** The job the form describes, secrets left out (env values with secret names as `<redacted>`, registry credentials as `registry: configured`); a name only when typed. */
export function jobFromForm(form: LaunchForm): { job: JobSpec; redacted: string[] } {
  const job = jobFromRequest(formRequest(form), false);
  if (!job.image) delete job.image;
  // A suggested name (notebook1) is not part of the job: loading the profile suggests a free one again.
  if (!form.nameTouched || !job.name) delete job.name;
  if (!job.env) return { job, redacted: [] };
  const { env, redacted } = redactEnv(job.env);
  return { job: { ...job, env }, redacted };
}

/** The form filled with `job`: what the job leaves out is emptied (flexible resources, no command), its kind kept and a free name suggested when it has none. */
export function fillFromJob(form: LaunchForm, job: JobSpec, sessions: readonly Session[] = []): LaunchForm {
  const kind = job.kind ?? form.kind;
  const fixed = job.cores !== undefined || job.ram !== undefined;
  const name = job.name ?? (form.nameTouched ? form.name : suggestName(kind, sessions));
  return {
    ...form,
    kind,
    image: job.image ?? '',
    imagePick: -1,
    cursor: null,
    name,
    nameTouched: job.name !== undefined || form.nameTouched,
    fixed,
    cores: job.cores ?? form.cores,
    ram: job.ram ?? form.ram,
    gpus: job.gpus ?? 0,
    cmd: job.cmd ?? '',
    args: job.args ?? '',
    env: (job.env ?? []).join(' '),
    replicas: String(job.replicas ?? 1),
    registryUser: '',
    registrySecret: '',
    serverError: null,
    attempted: false,
  };
}
