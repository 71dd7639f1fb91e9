import type { Style } from '../../src/cli/style.js';

/** How one doctor check came out: ok, a warning, a failure, or just information. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'info';

/** One line of `doctor`: what was checked, how it went, and what was found. */
export interface DoctorCheck {
  section: 'paths' | 'credentials' | 'server' | 'daemon';
  name: string;
  status: CheckStatus;
  detail: string;
  /** The file or folder checked, for path checks. */
  path?: string;
}

const PLAIN: Record<CheckStatus, string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL', info: '-   ' };

/** The mark in front of a check: ✓ ✗ ! · in colour on a terminal, else ok/FAIL/warn/- so it reads without colour. */
export function checkMark(status: CheckStatus, style: Style): string {
  if (!style.enabled) return PLAIN[status];
  if (status === 'ok') return style.green('✓');
  if (status === 'fail') return style.red('✗');
  if (status === 'warn') return style.yellow('!');
  return style.dim('·');
}
