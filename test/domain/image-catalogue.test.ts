import { describe, expect, it } from 'vitest';
import { catalogueProblem, closestImages, shortImage } from '../../src/domain/image-catalogue.js';
import { buildCatalogue } from '../../src/sim/catalogue.js';

const images = buildCatalogue('images.canfar.net');
const full = (ref: string) => `images.canfar.net/${ref}`;

describe('the image catalogue check', () => {
  it('passes an image the catalogue lists for the kind', () => {
    expect(catalogueProblem(full('skaha/astroml:latest'), 'notebook', images, false)).toBeNull();
  });

  it('refuses a mistyped tag without registry credentials, naming the closest match', () => {
    const problem = catalogueProblem(full('skaha/astroml:lates'), 'headless', images, false);
    expect(problem?.code).toBe('VALIDATION_ERROR');
    expect(problem?.message).toMatch(
      /^image: skaha\/astroml:lates is not in the image catalogue — did you mean skaha\/astroml:latest\? \(a private image needs registry credentials/,
    );
  });

  it('lets an unlisted image through with registry credentials: private images are not in the catalogue', () => {
    expect(catalogueProblem(full('myproject/private:1'), 'headless', images, true)).toBeNull();
  });

  it('refuses a kind the image does not run as, naming the kinds it does', () => {
    const problem = catalogueProblem(full('skaha/astroml:latest'), 'carta', images, true);
    expect(problem?.message).toBe(
      'image: skaha/astroml:latest does not run as carta: the image catalogue lists it for notebook, headless — pick one of those kinds, or an image for carta (`skaha-tui images --kind carta`)',
    );
  });

  it('says nothing when the catalogue is unknown', () => {
    expect(catalogueProblem(full('skaha/nothing:1'), 'notebook', null, false)).toBeNull();
    expect(catalogueProblem(full('skaha/nothing:1'), 'notebook', [], false)).toBeNull();
  });

  it('suggests only near images, and points at the catalogue when none is near', () => {
    expect(closestImages(full('skaha/carta:5.1'), 'carta', images)).toEqual(['skaha/carta:4.1', 'skaha/carta:5.0']);
    expect(closestImages(full('lsst/totally-different:9'), 'notebook', images)).toEqual([]);
    expect(catalogueProblem(full('lsst/totally-different:9'), 'notebook', images, false)?.message).toContain('`skaha-tui images` lists the catalogue');
    expect(shortImage('images.canfar.net/skaha/astroml:latest')).toBe('skaha/astroml:latest');
    expect(shortImage('skaha/astroml:latest')).toBe('skaha/astroml:latest');
  });
});
