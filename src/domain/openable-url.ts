import { AppError } from './errors.js';
import { terminalLine } from './terminal-text.js';

/**
 * The URL to hand a browser opener: `url` normalised, when it is http(s) and cannot be read as an option.
 * Anything else (file:, javascript:, `--version`, control characters) is a PROTOCOL_ERROR saying why: the URL
 * came from the server, so refusing it is a failure of the operation (exit 1), not of the user's command line.
 */
export function openableUrl(url: string): string {
  const refuse = (why: string) => new AppError('PROTOCOL_ERROR', `refusing to open "${terminalLine(url.slice(0, 200))}" in a browser: ${why}`);
  if (url.startsWith('-')) throw refuse('it would be read as an option');
  // URL parsing silently drops tabs and newlines; a URL from the server that holds them is not trusted.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) throw refuse('it contains spaces or control characters');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse('it is not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw refuse(`only http and https URLs are opened, not ${parsed.protocol}`);
  return parsed.href;
}
