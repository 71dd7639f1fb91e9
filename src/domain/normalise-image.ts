import { validationError } from './errors.js';

/** The registry host the official client puts in front of a 2-part image reference. */
export const DEFAULT_REGISTRY = 'images.canfar.net';

/** Normalises an image like the official client: 2–3 `/` parts, 2 parts get `images.canfar.net/`, a missing tag becomes `:latest`. */
export function normaliseImage(image: string, field = 'image'): string {
  const value = image.trim();
  if (value === '') throw validationError(field, 'is required (e.g. skaha/astroml:latest)');
  if (/\s/.test(value)) throw validationError(field, `must not contain spaces (got ${JSON.stringify(value)})`);
  const parts = value.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw validationError(field, `must look like project/name[:tag] or registry/project/name[:tag] (got ${JSON.stringify(value)})`);
  }
  const full = parts.length === 2 ? `${DEFAULT_REGISTRY}/${value}` : value;
  const last = parts[parts.length - 1];
  return last.includes(':') || last.includes('@') ? full : `${full}:latest`;
}
