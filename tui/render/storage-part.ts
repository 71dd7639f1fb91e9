// Pure: the header's home storage item: use and quota, amber from 80 %, red from 90 %; "storage unknown" when it could not be read.

import { storagePercent } from '../../src/domain/storage.js';
import { STORAGE_HIGH_PERCENT, STORAGE_WARN_PERCENT, type StorageStatus } from '../../src/state/storage.js';
import { HEADER } from '../text.js';
import { escapeTags, type Colour } from './paint.js';
import type { RenderContext } from './context.js';

const GIB = 2 ** 30;
const gib = (bytes: number) => (bytes / GIB >= 100 ? String(Math.round(bytes / GIB)) : (Math.round((bytes / GIB) * 10) / 10).toFixed(1));

/** Pure: the tagged storage item and its plain text ("home 37.5/100 GiB (38%)"); null before the daemon tried (or with storage switched off). */
export function storageHeaderPart(storage: StorageStatus | null, ctx: RenderContext): [string, string] | null {
  if (!storage) return null;
  const label = `${HEADER.storage} `;
  // Last known figures are still worth showing when a later read failed; with none, it is unknown.
  if (storage.usedBytes === null) return [ctx.paint.fg('gray', escapeTags(HEADER.storageUnknown)), HEADER.storageUnknown];
  const percent = storagePercent({ usedBytes: storage.usedBytes, quotaBytes: storage.quotaBytes });
  const shown = percent === null ? null : Math.round(percent);
  const text = HEADER.storageUse(gib(storage.usedBytes), storage.quotaBytes === null ? null : gib(storage.quotaBytes), shown);
  const colour: Colour | null = percent === null ? null : percent >= STORAGE_HIGH_PERCENT ? 'red' : percent >= STORAGE_WARN_PERCENT ? 'yellow' : null;
  const painted = colour ? ctx.paint.fg(colour, escapeTags(text)) : escapeTags(text);
  return [label + (colour === 'red' ? ctx.paint.bold(painted) : painted), label + text];
}
