import { describe, expect, it } from 'vitest';
import { launchdAgent, systemdUnit } from '../../../daemon/service/service-files.js';

const command = { nodePath: '/usr/bin/node', binPath: '/opt/skaha tui/dist/bin/skaha-tui.js', env: { SKAHA_TUI_HOME: '/home/a/.skaha' } };

describe('service files', () => {
  it('writes a systemd user unit that runs the daemon in the foreground and restarts it on failure', () => {
    const unit = systemdUnit(command, '/home/a');
    expect(unit.path).toBe('/home/a/.config/systemd/user/skaha-tui.service');
    expect(unit.content).toContain('ExecStart=/usr/bin/node "/opt/skaha tui/dist/bin/skaha-tui.js" daemon\n');
    expect(unit.content).toContain('Environment=SKAHA_TUI_HOME=/home/a/.skaha\n');
    expect(unit.content).toMatch(/Restart=on-failure/);
    expect(unit.content).toMatch(/WantedBy=default.target/);
    expect(unit.enableCommands).toEqual(['systemctl --user daemon-reload', 'systemctl --user enable --now skaha-tui.service']);
  });

  it('writes a launchd agent with escaped arguments and the log file', () => {
    const agent = launchdAgent({ ...command, binPath: '/opt/a&b/skaha-tui.js' }, '/home/a/.skaha/state/daemon.log', '/Users/a');
    expect(agent.path).toBe('/Users/a/Library/LaunchAgents/net.canfar.skaha-tui.plist');
    expect(agent.content).toContain('<string>/opt/a&amp;b/skaha-tui.js</string>');
    expect(agent.content).toContain('<key>StandardOutPath</key><string>/home/a/.skaha/state/daemon.log</string>');
    expect(agent.content).toContain('<key>RunAtLoad</key><true/>');
  });
});
