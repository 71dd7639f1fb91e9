// Human views of platform data (stats, events, images, context): pure functions from data to text.

import type { Image, PlatformStats, ResourceContext, ResourceOptions, SessionEvent } from '../../domain/platform.js';
import { formatCores, formatGiB, formatNumber, formatOptions, formatPercent, formatTimestamp, shortDigest } from '../format.js';
import { createStyle, type Style } from '../style.js';
import { renderFields, renderTable, styled } from '../table.js';
import { LABELS } from '../text.js';

/** The `stats` table: allocation, capacity, share used and the per-session ceiling for CPU and RAM (GiB). */
export function statsView(stats: PlatformStats, style: Style = createStyle(false)): string {
  const row = (label: string, s: PlatformStats['cpu'], fmt: (v: number | null) => string, ceiling: (v: number | null) => string) => [
    styled(label, style.bold),
    fmt(s.allocated),
    fmt(s.capacity),
    formatPercent(s.allocated, s.capacity) ?? '-',
    ceiling(s.maxPerSession),
  ];
  // The ceiling is already a count of GiB (what `--ram` takes); allocation and capacity come in decimal GB.
  const gib = (v: number | null) => (v === null ? '-' : formatNumber(v));
  const rows = [row(LABELS.cpu, stats.cpu, formatCores, formatCores), row(LABELS.ramGiB, stats.ramGB, formatGiB, gib)];
  return renderTable(LABELS.statsColumns, rows, { header: style.bold, align: ['left', 'right', 'right', 'right', 'right'] });
}

/** The `events` table; times shown as UTC timestamps. */
export function eventsView(events: readonly SessionEvent[], style: Style = createStyle(false)): string {
  const rows = events.map((e) => [
    e.type === 'Warning' ? styled(e.type, style.yellow) : e.type,
    e.reason,
    e.message,
    formatTimestamp(e.firstTime),
    formatTimestamp(e.lastTime),
  ]);
  return renderTable(LABELS.eventColumns, rows, { header: style.bold });
}

/** The `images` table, sorted by image id; digests shortened to 12 hex characters. */
export function imagesView(images: readonly Image[], style: Style = createStyle(false)): string {
  const rows = [...images].sort((a, b) => a.id.localeCompare(b.id)).map((i) => [i.id, [...i.types].sort().join(','), styled(shortDigest(i.digest), style.dim)]);
  return renderTable(LABELS.imageColumns, rows, { header: style.bold });
}

/** The `context` view: accepted options and flexible defaults for cores, RAM and GPUs, plus the session cap. */
export function contextView(context: ResourceContext, style: Style = createStyle(false)): string {
  const row = (label: string, o: ResourceOptions, fmt: (v: number | null) => string) => [
    styled(label, style.bold),
    formatOptions(o.options),
    fmt(o.default),
    fmt(o.defaultRequest),
    fmt(o.defaultLimit),
  ];
  const table = renderTable(
    LABELS.contextColumns,
    [
      row(LABELS.cpu, context.cores, formatCores),
      row(LABELS.ramGiB, context.ramGB, formatCores),
      [styled(LABELS.gpus, style.bold), formatOptions(context.gpus.options), '-', '-', '-'],
    ],
    { header: style.bold },
  );
  const cap = context.maxInteractiveSessions === null ? LABELS.unknown : String(context.maxInteractiveSessions);
  return `${table}\n${renderFields([[LABELS.maxInteractive, cap]])}`;
}
