import { DATA_FORMAT_OPTIONS } from './command-specs.js';
import type { DataFormat } from './command-context.js';
import { UsageError, type ParsedArgs } from './parse-args.js';
import { USAGE_ERRORS } from './text.js';

/** The data format a command line asks for (--json, --yaml or --csv), or null; a usage error when more than one is given. */
export function dataFormatOf(parsed: ParsedArgs): DataFormat | null {
  const given = DATA_FORMAT_OPTIONS.map((o) => o.name).filter((name) => parsed.options[name] === true);
  if (given.length > 1) throw new UsageError(USAGE_ERRORS.oneFormat(given), parsed.command?.name);
  return (given[0] as DataFormat | undefined) ?? null;
}
