import { homedir } from 'node:os';
import { join } from 'node:path';

/** What the service file runs: node, the built binary, and the environment it needs. */
export interface ServiceCommand {
  nodePath: string;
  binPath: string;
  /** Environment to pin (e.g. SKAHA_TUI_HOME); never credentials. */
  env: Record<string, string>;
}

/** A service definition to write, how to turn it on, and how to turn it off again before it is removed. */
export interface ServiceFile {
  path: string;
  content: string;
  enableCommands: string[];
  /** Commands (argv) that stop and disable the service; a failure only means it was not running. */
  disableCommands: string[][];
  /** Commands (argv) to run once the file is gone (the service manager forgets it). */
  afterRemoveCommands: string[][];
}

/** The launchd label and systemd unit name. */
export const SERVICE_NAME = 'skaha-tui';

function systemdQuote(arg: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\])/g, '\\$1')}"`;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A systemd user unit running the daemon in the foreground, restarted if it ever dies. No network
 * ordering: a user manager cannot wait for the system's network-online.target, and the daemon
 * needs none, since it retries (and backs off) until Skaha answers.
 */
export function systemdUnit(command: ServiceCommand, home = homedir()): ServiceFile {
  const env = Object.entries(command.env)
    .map(([k, v]) => `Environment=${systemdQuote(`${k}=${v}`)}\n`)
    .join('');
  const content = `[Unit]
Description=skaha-tui daemon: watches your CANFAR Science Platform sessions

[Service]
Type=simple
ExecStart=${systemdQuote(command.nodePath)} ${systemdQuote(command.binPath)} daemon
${env}Restart=on-failure
RestartSec=5

[Install]
WantedBy=default.target
`;
  return {
    path: join(home, '.config', 'systemd', 'user', `${SERVICE_NAME}.service`),
    content,
    enableCommands: ['systemctl --user daemon-reload', `systemctl --user enable --now ${SERVICE_NAME}.service`],
    disableCommands: [['systemctl', '--user', 'disable', '--now', `${SERVICE_NAME}.service`]],
    afterRemoveCommands: [['systemctl', '--user', 'daemon-reload']],
  };
}

/** A launchd agent running the daemon at login and keeping it alive. */
export function launchdAgent(command: ServiceCommand, logFile: string, home = homedir()): ServiceFile {
  const label = `net.canfar.${SERVICE_NAME}`;
  const args = [command.nodePath, command.binPath, 'daemon'].map((a) => `    <string>${xmlEscape(a)}</string>`).join('\n');
  const env = Object.entries(command.env)
    .map(([k, v]) => `    <key>${xmlEscape(k)}</key><string>${xmlEscape(v)}</string>`)
    .join('\n');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>${label}</string>
  <key>ProgramArguments</key>
  <array>
${args}
  </array>
  <key>EnvironmentVariables</key>
  <dict>
${env}
  </dict>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>
  <key>StandardOutPath</key><string>${xmlEscape(logFile)}</string>
  <key>StandardErrorPath</key><string>${xmlEscape(logFile)}</string>
</dict>
</plist>
`;
  const path = join(home, 'Library', 'LaunchAgents', `${label}.plist`);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return {
    path,
    content,
    enableCommands: [`launchctl bootstrap gui/$(id -u) ${path}`],
    disableCommands: [['launchctl', 'bootout', `gui/${uid}/${label}`]],
    afterRemoveCommands: [],
  };
}
