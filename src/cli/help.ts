// Help screens: pure functions from the command specs and the wording table to text.

import { COMMANDS, GLOBAL_OPTIONS, ROUTED_COMMANDS, type CommandSpec, type OptionSpec } from './command-specs.js';
import { createStyle, type Style } from './style.js';
import { renderTable } from './table.js';
import { ALIAS_NOTE, EXAMPLES, HELP, OPTION_HELP, SUMMARY, USAGE } from './text.js';

const INDENT = '  ';

function optionLabel(option: OptionSpec): string {
  const names = [option.short ? `-${option.short}` : null, `--${option.name}`, ...(option.aliases ?? []).map((a) => `--${a}`)];
  const label = names.filter((n) => n !== null).join(', ');
  return option.value ? `${label} ${option.value}` : label;
}

function optionHelp(command: string, option: OptionSpec): string {
  const text = OPTION_HELP[`${command}.${option.name}`] ?? OPTION_HELP[option.name] ?? '';
  return option.choices ? `${text} One of: ${option.choices.join(', ')}.` : text;
}

function indented(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : INDENT + line))
    .join('\n');
}

function optionTable(command: string, options: readonly OptionSpec[]): string {
  const rows = options.map((o) => [optionLabel(o), optionHelp(command, o)]);
  return indented(renderTable(['', ''], rows).replace(/^.*\n/, ''));
}

const globalRows = (): OptionSpec[] => [...GLOBAL_OPTIONS, { name: 'help', short: 'h', type: 'boolean' }, { name: 'version', short: 'V', type: 'boolean' }];

/** The top-level help: every command with its summary, the global options, exit codes. */
export function generalHelp(style: Style = createStyle(false)): string {
  const late = ['help', 'version'];
  const names = [...COMMANDS.map((c) => c.name).filter((n) => !late.includes(n)), ...ROUTED_COMMANDS, ...late];
  const rows = names.map((n) => [n, SUMMARY[n] ?? '']);
  return [
    `${HELP.intro}\n`,
    `${style.bold(HELP.usage)}\n`,
    `${style.bold(HELP.commands)}\n${indented(renderTable(['', ''], rows).replace(/^.*\n/, ''))}`,
    `${style.bold(HELP.globalOptions)}\n${optionTable('', globalRows())}`,
    `${HELP.credentials}\n${HELP.daemon}\n${HELP.exitCodes}\n${HELP.more}\n`,
  ].join('\n');
}

/** One command's help: usage, summary, aliases, options, examples. */
export function commandHelp(spec: CommandSpec, style: Style = createStyle(false)): string {
  const parts = [`${style.bold(HELP.commandUsage(USAGE[spec.name] ?? spec.name))}\n`, `${SUMMARY[spec.name] ?? ''}\n`];
  if (spec.aliases.length > 0) parts.push(`${ALIAS_NOTE(spec.aliases)}\n`);
  if (spec.options.length > 0) parts.push(`${style.bold(HELP.options)}\n${optionTable(spec.name, spec.options)}`);
  parts.push(`${style.bold(HELP.globalOptions)}\n${optionTable(spec.name, globalRows())}`);
  const examples = EXAMPLES[spec.name];
  if (examples) parts.push(`${style.bold(HELP.examples)}\n${examples.map((e) => `${INDENT}${e}\n`).join('')}`);
  return parts.join('\n');
}

/** Help for a command the binary routes elsewhere (sim, demo, daemon): usage and summary. */
export function routedHelp(name: string, style: Style = createStyle(false)): string {
  return `${style.bold(HELP.commandUsage(USAGE[name] ?? name))}\n\n${SUMMARY[name] ?? ''}\n`;
}
