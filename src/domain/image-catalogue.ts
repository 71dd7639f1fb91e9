// Pure: an image checked against the platform's image catalogue before a launch is sent: an image
// the catalogue does not list (a typo, usually) or a kind it does not run as is refused with what
// to use instead. Private images are not in the catalogue: with registry credentials they pass.

import { validationError, type AppError } from './errors.js';
import type { Image } from './platform.js';
import { editDistance as distance } from './edit-distance.js';

/** An image id as people write it: without the registry host (`images.canfar.net/skaha/astroml:latest` → `skaha/astroml:latest`). */
export function shortImage(id: string): string {
  const parts = id.split('/');
  return parts.length === 3 ? parts.slice(1).join('/') : id;
}

/** The catalogue images closest to `image` (short ids, at most `max`): the nearest and those about as near, images of `kind` first; none when nothing is near. */
export function closestImages(image: string, kind: string, images: readonly Image[], max = 3): string[] {
  const wanted = shortImage(image).toLowerCase();
  const scored = images
    .map((i) => ({ id: shortImage(i.id), d: distance(wanted, shortImage(i.id).toLowerCase()) + (i.types.includes(kind) ? 0 : 0.5) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
  const best = scored[0]?.d ?? Infinity;
  if (best > Math.max(3, [...wanted].length / 3)) return [];
  return [...new Set(scored.filter((s) => s.d <= best + 1).map((s) => s.id))].slice(0, max);
}

/**
 * Pure: why `image` (normalised) may not be launched as `kind` by the catalogue, or null. Null too when
 * the catalogue is unknown (null or empty): the server then decides. Refuses an image the catalogue
 * lists for other kinds only; refuses one it does not list unless registry credentials are configured.
 */
export function catalogueProblem(image: string, kind: string, images: readonly Image[] | null, registryConfigured: boolean): AppError | null {
  if (!images || images.length === 0) return null;
  const found = images.find((i) => i.id === image);
  if (found) {
    if (found.types.includes(kind)) return null;
    const kinds = found.types.filter((t) => t !== 'desktop-app');
    return validationError(
      'image',
      `${shortImage(image)} does not run as ${kind}: the image catalogue lists it for ${kinds.join(', ') || 'desktop-app only'} — pick one of those kinds, or an image for ${kind} (\`skaha-tui images --kind ${kind}\`)`,
    );
  }
  if (registryConfigured) return null;
  const near = closestImages(image, kind, images);
  const suggestion = near.length > 0 ? ` — did you mean ${near.join(' or ')}?` : ' — `skaha-tui images` lists the catalogue';
  return validationError(
    'image',
    `${shortImage(image)} is not in the image catalogue${suggestion} (a private image needs registry credentials: SKAHA_REGISTRY_USERNAME and SKAHA_REGISTRY_SECRET, or "registry" in the config file)`,
  );
}
