import type { CommandHandler } from '../command-context.js';
import { cacheDaemon } from '../daemon-cache.js';
import { contextJson, imageJson, statsJson } from '../json-output.js';
import { stringOption } from '../parse-args.js';
import { MESSAGES } from '../text.js';
import { contextView, imagesView, statsView } from '../views/platform-views.js';
import { CONTEXT_COLUMNS, IMAGE_COLUMNS, STATS_COLUMNS } from '../../export/record-columns.js';

/** `stats`: platform CPU and RAM allocation against capacity, from the daemon's cache when it has them. */
export const statsCommand: CommandHandler = async (ctx) => {
  const { out, api } = ctx;
  const cached = (await cacheDaemon(ctx))?.state?.stats ?? null;
  const stats = cached ?? (await (await api()).getStats());
  if (out.format) out.printData(statsJson(stats), STATS_COLUMNS);
  else out.printStyled(`${statsView(stats, out.style)}${out.style.dim(MESSAGES.statsNote)}\n`);
  return 0;
};

/** `images`: the image catalogue, optionally for one kind. */
export const imagesCommand: CommandHandler = async ({ args, out, api }) => {
  const images = await (await api()).listImages(stringOption(args, 'kind'));
  if (out.format) out.printData(images.map(imageJson), IMAGE_COLUMNS);
  else if (images.length === 0) out.print(`${MESSAGES.noImages}\n`);
  else out.printStyled(imagesView(images, out.style));
  return 0;
};

/** `context`: the resource options the server accepts. */
export const contextCommand: CommandHandler = async ({ out, api }) => {
  const context = await (await api()).getContext();
  if (out.format) out.printData(contextJson(context), CONTEXT_COLUMNS);
  else out.printStyled(contextView(context, out.style));
  return 0;
};
