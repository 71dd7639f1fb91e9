// `storage` output: home storage as the daemon (or one read) knows it, as fields or JSON (pure).

import { storagePercent } from '../../domain/storage.js';
import { STORAGE_HIGH_PERCENT, STORAGE_WARN_PERCENT, type StorageStatus } from '../../state/storage.js';
import { formatNumber, formatTimestamp } from '../format.js';
import { createStyle, type Style } from '../style.js';
import { renderFields, styled, type Cell } from '../table.js';
import { STORAGE_TEXT as T } from '../usage-text.js';

const GIB = 2 ** 30;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));
const gib = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / GIB) * 1000) / 1000);

/** The share of the quota in use, or null without figures or a quota. */
export function storageShare(status: Pick<StorageStatus, 'usedBytes' | 'quotaBytes'>): number | null {
  return status.usedBytes === null ? null : storagePercent({ usedBytes: status.usedBytes, quotaBytes: status.quotaBytes });
}

/** Pure: the `storage --json` document (bytes and GiB; `unknown` says why when it could not be read). */
export function storageJson(status: StorageStatus): Record<string, unknown> {
  const percent = storageShare(status);
  return {
    user: status.user,
    node: status.node,
    usedBytes: status.usedBytes,
    quotaBytes: status.quotaBytes,
    usedGiB: gib(status.usedBytes),
    quotaGiB: gib(status.quotaBytes),
    percent: percent === null ? null : Math.round(percent * 10) / 10,
    readAt: iso(status.readAt),
    checkedAt: iso(status.checkedAt),
    date: status.nodeDate,
    unknown: status.unknown,
    high: status.high,
  };
}

/** Pure: the `storage` fields (the share amber from 80 %, red from 90 %), or the line saying why it is unknown. */
export function storageView(status: StorageStatus, style: Style = createStyle(false)): string {
  const lines: string[] = [];
  if (status.unknown !== null) lines.push(`${style.yellow(T.unknown(status.unknown))}\n`);
  if (status.usedBytes === null) return lines.join('');
  if (status.unknown !== null) lines.push(`${T.lastKnown(formatTimestamp(iso(status.readAt)))}\n`);
  const percent = storageShare(status);
  const colour = percent === null ? null : percent >= STORAGE_HIGH_PERCENT ? style.red : percent >= STORAGE_WARN_PERCENT ? style.yellow : null;
  const share: Cell = percent === null ? '-' : colour ? styled(`${formatNumber(percent, 1)}%`, colour) : `${formatNumber(percent, 1)}%`;
  const fields: [string, Cell][] = [
    [T.used, `${formatNumber(status.usedBytes / GIB, 2)} GiB`],
    [T.quota, status.quotaBytes === null ? T.noQuota : `${formatNumber(status.quotaBytes / GIB, 2)} GiB`],
    [T.share, share],
    [T.node, status.node ?? '-'],
    [T.read, formatTimestamp(iso(status.readAt))],
  ];
  lines.push(renderFields(fields, style.bold));
  return lines.join('');
}
