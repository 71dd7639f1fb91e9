import { describe, expect, it } from 'vitest';
import { DASHBOARD_OPTIONS, isDashboardOption, parseDashboardArgs } from '../../tui/options.js';

describe('dashboard options', () => {
  it('lists exactly what the parser accepts, so the binary routes them to the dashboard', () => {
    for (const option of DASHBOARD_OPTIONS) {
      const argv = option === '--terminal-notify' ? [`${option}=bel`] : option === '--server-url' ? [option, 'http://x'] : [option];
      expect(() => parseDashboardArgs(argv), option).not.toThrow();
      expect(isDashboardOption(argv[0])).toBe(true);
    }
    expect(isDashboardOption('--json')).toBe(false);
    expect(isDashboardOption('--readonlyx')).toBe(false);
    expect(() => parseDashboardArgs(['--json'])).toThrow(/unknown dashboard option --json/);
  });

  it('leaves terminal notifications to the config file unless the flag or SKAHA_TUI_TERMINAL_NOTIFY names one', () => {
    expect(parseDashboardArgs([]).terminalNotify).toBeNull();
    expect(parseDashboardArgs([], { SKAHA_TUI_TERMINAL_NOTIFY: 'bel' }).terminalNotify).toBe('bel');
    expect(parseDashboardArgs(['--no-terminal-notify'], { SKAHA_TUI_TERMINAL_NOTIFY: 'bel' }).terminalNotify).toBe('off');
    expect(() => parseDashboardArgs(['--terminal-notify=osc8'])).toThrow(/one of auto, osc777, osc9, osc99, bel, off/);
  });
});
