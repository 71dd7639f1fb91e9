// Pure: the launch form's image suggestions: catalogue images of the form's kind that match what is
// typed, the one highlighted, and Tab's completion to it.

import type { Image } from '../../src/domain/platform.js';
import { normaliseImage } from '../../src/client/normalise-image.js';
import type { LaunchForm } from './launch-form.js';

/** The image typed, normalised as a launch sends it; null while it is not a valid image yet. */
export function typedImage(text: string): string | null {
  try {
    return normaliseImage(text);
  } catch {
    return null;
  }
}

/** Catalogue images of the form's kind matching every word typed: the typed image itself first, then those whose name starts with it, then the rest by name. */
export function imageCandidates(form: Pick<LaunchForm, 'image' | 'kind'>, images: readonly Image[] | null): Image[] {
  if (!images) return [];
  const typed = form.image.trim().toLowerCase();
  const words = typed.split(/\s+/).filter(Boolean);
  const exact = typedImage(form.image);
  // A name starting with the text (at any `/`) comes before one that only contains it.
  const starts = (id: string) => id.toLowerCase().split('/').some((_, i, parts) => parts.slice(i).join('/').startsWith(typed));
  const rank = (image: Image) => (image.id === exact ? 0 : starts(image.id) ? 1 : 2);
  return images
    .filter((image) => image.types.includes(form.kind))
    .filter((image) => words.every((w) => image.id.toLowerCase().includes(w)))
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
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
