// Job files on disk: read one (bounded, YAML or JSON, checked as hostile input) and the text written for one.

import { open } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { AppError } from '../domain/errors.js';
import { jobFromObject, jobToObject, type JobSpec } from '../domain/job-spec.js';

/** The largest job file read (a job is a few lines; anything much bigger is not one). */
export const MAX_JOB_FILE_BYTES = 256 * 1024;

/** Reads at most `max` bytes of `file`; USAGE_ERROR when it cannot be read, VALIDATION_ERROR when it is bigger. */
async function readBounded(file: string, max: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new AppError('USAGE_ERROR', `cannot read the job file ${file}: ${why}`, { cause: error });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new AppError('USAGE_ERROR', `the job file ${file} is not a regular file`);
    const buffer = Buffer.alloc(max + 1);
    const { bytesRead } = await handle.read(buffer, 0, max + 1, 0);
    if (bytesRead > max)
      throw new AppError('VALIDATION_ERROR', `the job file ${file} is larger than ${max / 1024} KiB: a job file is a few lines of YAML or JSON`);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Pure: the job in `text` (YAML, or JSON, which is YAML too), named `source` in messages. */
export function parseJobText(text: string, source: string): JobSpec {
  let data: unknown;
  try {
    // Few aliases: a "billion laughs" file must not expand into gigabytes.
    data = parse(text, { maxAliasCount: 16, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new AppError('VALIDATION_ERROR', `${source} is not valid YAML or JSON: ${first}`, { cause: error });
  }
  return jobFromObject(data, source);
}

/** Reads and checks the job file at `file`. */
export async function readJobFile(file: string): Promise<JobSpec> {
  return parseJobText(await readBounded(file, MAX_JOB_FILE_BYTES), file);
}

/** Pure: the YAML text of a job file for `job`, with a first line saying how to launch it. */
export function jobFileText(job: JobSpec): string {
  return `# skaha-tui job file: launch it with \`skaha-tui launch -f FILE\` (flags given there override it)\n${stringify(jobToObject(job), { lineWidth: 0 })}`;
}
