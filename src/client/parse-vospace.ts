// Pure: the three properties of a VOSpace node's XML that home storage needs (length, quota, date),
// read from the node itself and never from its children. No XML library: the input is bounded where
// it is read, only these properties are looked for, and anything odd gives null (the caller says so).

import { boundText } from '../domain/bounded-text.js';
import type { HomeStorage } from '../domain/storage.js';

const CORE = 'ivo://ivoa.net/vospace/core#';

/** A property element, any namespace prefix: its attributes and its text (no nested elements). */
const PROPERTY = /<(?:[A-Za-z_][\w.-]*:)?property\b([^>]*)>([^<]{0,200})<\/(?:[A-Za-z_][\w.-]*:)?property\s*>/g;

/** The element holding a container's children: the node's own properties all come before it. */
const CHILDREN = /<(?:[A-Za-z_][\w.-]*:)?nodes\b/;

const NODE = /<(?:[A-Za-z_][\w.-]*:)?node\b/;

function uriOf(attributes: string): string | null {
  const match = /\buri\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
  return match ? (match[1] ?? match[2]) : null;
}

/** A byte count as VOSpace writes it (a whole number), or null. */
function bytes(text: string | undefined): number | null {
  const trimmed = text?.trim() ?? '';
  if (!/^\d{1,18}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * Pure: the node's bytes used (`core#length`), quota (`core#quota`, null when absent) and date
 * (`core#date`), or null when the text is not a node with a length.
 */
export function parseHomeNode(xml: string): HomeStorage | null {
  const start = NODE.exec(xml);
  if (!start) return null;
  const children = CHILDREN.exec(xml);
  const own = xml.slice(start.index, children ? children.index : xml.length);
  const found = new Map<string, string>();
  for (const match of own.matchAll(PROPERTY)) {
    const uri = uriOf(match[1]);
    if (uri?.startsWith(CORE) && !found.has(uri)) found.set(uri, match[2]);
  }
  const usedBytes = bytes(found.get(`${CORE}length`));
  if (usedBytes === null) return null;
  const date = found.get(`${CORE}date`)?.trim();
  return { usedBytes, quotaBytes: bytes(found.get(`${CORE}quota`)), date: date ? boundText(date, 40) : null };
}
