// Opens a URL in the user's browser with the platform's opener, without waiting for it.

import { spawn } from 'node:child_process';
import { childEnv } from '../src/config/child-env.js';
import { openableUrl } from '../src/domain/openable-url.js';

/** The opener command for a platform: `open` on macOS, `xdg-open` elsewhere. */
export function openerCommand(platform: NodeJS.Platform = process.platform): string {
  return platform === 'darwin' ? 'open' : 'xdg-open';
}

/** Starts the opener detached, without the credentials in its environment; rejects for a URL that is not http(s), or when it cannot be started. */
export function openInBrowser(url: string, command: string = openerCommand()): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [openableUrl(url)], { detached: true, stdio: 'ignore', env: childEnv() });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
