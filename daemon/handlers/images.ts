import type { Handler } from './handler-context.js';

/** `images`: the image catalogue, optionally of one kind (cached for the catalogue interval). */
export const handleImages: Handler<'images'> = async (params, ctx) => ctx.images(params.kind);
