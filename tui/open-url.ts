// Opens a URL in the user's browser with the platform's opener, without waiting for it.

import { spawn } from 'node:child_process';

/** The opener command for a platform: `open` on macOS, `xdg-open` elsewhere. */
export function openerCommand(platform: NodeJS.Platform = process.platform): string {
  return platform === 'darwin' ? 'open' : 'xdg-open';
}

/** Starts the opener detached; rejects when it cannot be started (e.g. xdg-open is not installed). */
export function openInBrowser(url: string, command: string = openerCommand()): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
