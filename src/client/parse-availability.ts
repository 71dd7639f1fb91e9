import type { Availability } from '../domain/platform.js';

/** Parses VOSI availability XML (`<vosi:available>true</vosi:available>` plus an optional note); null when there is no `available` element. */
export function parseAvailability(xml: string): Availability | null {
  const available = /<(?:[\w-]+:)?available\b[^>]*>\s*(true|false)\s*<\/(?:[\w-]+:)?available>/i.exec(xml);
  if (!available) return null;
  const note = /<(?:[\w-]+:)?note\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?note>/i.exec(xml);
  return { available: available[1].toLowerCase() === 'true', note: note ? decodeXml(note[1].trim()) || null : null };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
