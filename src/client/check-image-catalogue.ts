// The catalogue check run before a launch is sent, by the CLI (direct) and the daemon (for its clients).

import { toAppError } from '../domain/errors.js';
import { catalogueProblem } from '../domain/image-catalogue.js';
import type { LaunchRequest } from '../domain/launch.js';
import type { Image } from '../domain/platform.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import { normaliseImage } from '../domain/normalise-image.js';

/**
 * Throws VALIDATION_ERROR, before anything is sent, for an image the catalogue does not list (unless
 * registry credentials are configured) or lists for other kinds only (see catalogueProblem). When the
 * catalogue cannot be read the launch goes ahead: the server still decides.
 */
export async function checkImageCatalogue(
  request: LaunchRequest,
  loadImages: () => Promise<Image[]>,
  registryConfigured: boolean,
  logger: Logger = silentLogger,
): Promise<void> {
  let images: Image[] | null = null;
  try {
    images = await loadImages();
  } catch (error) {
    logger.debug('the image catalogue could not be read: launching without checking the image against it', { code: toAppError(error).code });
  }
  const problem = catalogueProblem(normaliseImage(request.image), request.kind, images, registryConfigured || request.registryAuth !== undefined);
  if (problem) throw problem;
}
