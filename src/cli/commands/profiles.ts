import { resolvePaths } from '../../config/paths.js';
import { listProfiles, profilesDir } from '../../config/profiles.js';
import { jobToObject, type JobSpec } from '../../domain/job-spec.js';
import { plural } from '../../domain/plural.js';
import type { CommandHandler } from '../command-context.js';
import { JOB_TEXT } from '../job-text.js';
import { renderTable } from '../table.js';
import { PROFILE_COLUMNS } from '../../export/record-columns.js';

function resources(job: JobSpec): string {
  const parts = [
    job.cores !== undefined ? plural(job.cores, 'core') : null,
    job.ram !== undefined ? `${job.ram} GiB` : null,
    job.gpus ? plural(job.gpus, 'GPU') : null,
  ];
  const given = parts.filter((p): p is string => p !== null);
  return given.length > 0 ? given.join(', ') : JOB_TEXT.flexible;
}

/** `profiles [--json|--yaml|--csv]`: the saved launch profiles, with what each launches (a broken file is listed with why). */
export const profilesCommand: CommandHandler = async (ctx) => {
  const { out, io } = ctx;
  const dir = profilesDir(resolvePaths(io.env).configDir);
  const profiles = await listProfiles(dir);
  if (out.format) {
    out.printData(
      profiles.map((p) =>
        'job' in p
          ? { name: p.name, file: p.file, job: jobToObject(p.job) }
          : { name: p.name, file: p.file, error: { code: p.error.code, message: p.error.message } },
      ),
      PROFILE_COLUMNS,
    );
    return 0;
  }
  if (profiles.length === 0) {
    out.print(`${JOB_TEXT.noProfiles(dir)}\n`);
    return 0;
  }
  const rows = profiles.map((p) =>
    'job' in p
      ? [p.name, p.job.kind ?? '-', p.job.image ?? '-', resources(p.job), String(p.job.replicas ?? 1), p.job.name ?? '-']
      : [p.name, JOB_TEXT.profileBroken(p.error.message), '', '', '', ''],
  );
  out.printStyled(renderTable(JOB_TEXT.profileColumns, rows, { header: out.style.bold }));
  return 0;
};
