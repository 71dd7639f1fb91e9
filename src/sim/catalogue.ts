import { createHash } from 'node:crypto';
import type { SimKind } from './types.js';

/** One image of the public image cache, as `GET /v1/image` lists it. */
export interface CatalogueImage {
  id: string;
  types: string[];
  digest: string;
}

/** Image types `GET /v1/image?type=` accepts (case-sensitive). */
export const IMAGE_TYPES = ['carta', 'notebook', 'desktop', 'contributed', 'headless', 'firefly', 'desktop-app'] as const;

// [project/repo:firstTag, Harbor labels]; the host is prefixed from the first registry host.
const ENTRIES: Array<[string, string[]]> = [
  ['skaha/astroml:latest', ['notebook', 'headless']],
  ['skaha/astroml:24.07', ['notebook', 'headless']],
  ['skaha/astroml-cuda:latest', ['notebook', 'headless']],
  ['skaha/astroml-notebook:latest', ['notebook']],
  ['skaha/jupyterlab-base:2025.1', ['notebook']],
  ['skaha/desktop:1.0.2', ['desktop']],
  ['skaha/carta:4.1', ['carta']],
  ['skaha/carta:5.0', ['carta']],
  ['skaha/firefly:2024.2', ['firefly']],
  ['skaha/terminal:1.1.1', ['headless', 'notebook']],
  ['skaha/python:3.12', ['headless']],
  ['skaha/casa:6.6', ['desktop-app', 'headless']],
  ['skaha/ds9:8.5', ['desktop-app']],
  ['skaha/topcat:4.9', ['desktop-app']],
  ['skaha/aladin:12.0', ['desktop-app']],
  ['skaha/xterm:1.0', ['desktop-app']],
  ['cadc/pluto-notebook:4.4', ['contributed']],
  ['lsst/marimo:0.9', ['contributed']],
  ['cadc/vscode:1.95', ['contributed']],
];

/** Builds the public image catalogue for a registry host, with stable sha256 digests. */
export function buildCatalogue(registryHost: string): CatalogueImage[] {
  return ENTRIES.map(([ref, types]) => {
    const id = `${registryHost}/${ref}`;
    return { id, types: [...types], digest: `sha256:${createHash('sha256').update(id).digest('hex')}` };
  });
}

/** The image a kind uses when none is given (seeded sessions, the demo). */
export function defaultImageFor(kind: SimKind, registryHost: string): string {
  const ref: Record<SimKind, string> = {
    notebook: 'skaha/astroml:latest',
    desktop: 'skaha/desktop:1.0.2',
    carta: 'skaha/carta:5.0',
    contributed: 'cadc/pluto-notebook:4.4',
    firefly: 'skaha/firefly:2024.2',
    headless: 'skaha/terminal:1.1.1',
    'desktop-app': 'skaha/xterm:1.0',
  };
  return `${registryHost}/${ref[kind]}`;
}

/** The last path segment of an image without its tag (`.../skaha/astroml:latest` → `astroml`). */
export function imageShortName(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split(':')[0] || last;
}
