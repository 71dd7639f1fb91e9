import { toAppError } from '../../domain/errors.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import type { Output } from '../command-context.js';
import type { DaemonAccess } from '../daemon-access.js';
import { MESSAGES } from '../text.js';
import { packageVersion } from '../version.js';

/** What `skaha-tui version --json` prints. */
export interface VersionReport {
  version: string;
  node: string;
  platform: string;
  arch: string;
  protocol: number;
  /** The running daemon's versions; null when none runs. */
  daemon: { version: string | null; protocol: number; compatible: boolean; error?: string } | null;
}

/** Collects this build's versions and asks a running daemon for its own (never starts one). */
export async function versionReport(access: DaemonAccess): Promise<VersionReport> {
  const report: VersionReport = {
    version: packageVersion(),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    protocol: PROTOCOL_VERSION,
    daemon: null,
  };
  try {
    const connection = await access.connect();
    report.daemon = { version: connection.daemonVersion, protocol: PROTOCOL_VERSION, compatible: true };
    await connection.close();
  } catch (error) {
    const e = toAppError(error);
    if (e.code === 'DAEMON_PROTOCOL_ERROR') report.daemon = { version: null, protocol: daemonProtocol(e.message), compatible: false, error: e.message };
  }
  return report;
}

// The refusal names the daemon's protocol ("this daemon speaks N"); -1 when it does not.
function daemonProtocol(message: string): number {
  const match = /daemon speaks (\d+)/.exec(message);
  return match ? Number(match[1]) : -1;
}

/** `skaha-tui version [--json]`: this build, Node, the platform, the protocol, and the running daemon's version. */
export async function versionCommand(out: Output, access: DaemonAccess): Promise<number> {
  const report = await versionReport(access);
  if (out.json) {
    out.printJson(report);
    return 0;
  }
  out.print(`${MESSAGES.version(report.version)}\n`);
  out.print(`node      ${report.node} (${report.platform} ${report.arch})\n`);
  out.print(`protocol  ${report.protocol}\n`);
  out.print(`daemon    ${MESSAGES.daemonVersionLine(report.daemon)}\n`);
  return 0;
}
