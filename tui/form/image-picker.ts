// Pure: the launch form's image suggestions: catalogue images of the form's kind that match what is
// typed, the one highlighted, and Tab's completion to it.

import type { Image } from '../../src/domain/platform.js';
import { normaliseImage } from '../../src/domain/normalise-image.js';
import type { LaunchForm } from './launch-form-types.js';

/** The image typed, normalised as a launch sends it; null while it is not a valid image yet. */
export function typedImage(text: string): string | null {
  try {
    return normaliseImage(text);
  } catch {
    return null;
  }
}

/**
 * Catalogue images of the form's kind matching every word typed, best first: the typed image itself,
 * then those the text names whole (`astroml` → `skaha/astroml:*`), then those starting with it (at any
 * `/`), then the rest; `latest` before other tags, a shorter name first, then by name.
 */
export function imageCandidates(form: Pick<LaunchForm, 'image' | 'kind'>, images: readonly Image[] | null): Image[] {
  if (!images) return [];
  const typed = form.image.trim().toLowerCase();
  const words = typed.split(/\s+/).filter(Boolean);
  const exact = typedImage(form.image);
  const rank = (image: Image) => {
    const id = image.id.toLowerCase();
    const base = id.replace(/[:@][^/]*$/, '');
    if (image.id === exact) return 0;
    if (base === typed || base.endsWith(`/${typed}`)) return 1;
    return id.split('/').some((_, i, parts) => parts.slice(i).join('/').startsWith(typed)) ? 2 : 3;
  };
  const latest = (image: Image) => (image.id.endsWith(':latest') ? 0 : 1);
  const baseLength = (image: Image) => image.id.replace(/[:@][^/]*$/, '').length;
  return images
    .filter((image) => image.types.includes(form.kind))
    .filter((image) => words.every((w) => image.id.toLowerCase().includes(w)))
    .sort((a, b) => rank(a) - rank(b) || latest(a) - latest(b) || baseLength(a) - baseLength(b) || a.id.localeCompare(b.id));
}

/** Catalogue images of other kinds matching what is typed (to say why none of the form's kind does). */
export function otherKindMatches(form: Pick<LaunchForm, 'image' | 'kind'>, images: readonly Image[] | null): Image[] {
  const words = form.image.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!images || words.length === 0) return [];
  return images.filter((image) => !image.types.includes(form.kind) && words.every((w) => image.id.toLowerCase().includes(w)));
}

/** The index of the highlighted suggestion: the one moved to with ↓/↑, else the first once something is typed; -1 for none. */
export function highlightedIndex(form: Pick<LaunchForm, 'image' | 'kind' | 'imagePick'>, images: readonly Image[] | null): number {
  const count = imageCandidates(form, images).length;
  if (form.imagePick >= 0) return Math.min(form.imagePick, count - 1);
  return form.image.trim() !== '' && count > 0 ? 0 : -1;
}

/** Tab in the image field: the highlighted image when it differs from what is typed (a completion), else null (Tab moves on). */
export function completion(form: Pick<LaunchForm, 'image' | 'kind' | 'imagePick'>, images: readonly Image[] | null): string | null {
  const index = highlightedIndex(form, images);
  if (index < 0) return null;
  const candidate = imageCandidates(form, images)[index];
  return candidate.id === typedImage(form.image) ? null : candidate.id;
}
