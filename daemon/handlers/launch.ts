import { toAppError } from '../../src/domain/errors.js';
import { checkImageCatalogue } from '../../src/client/check-image-catalogue.js';
import { validateLaunch } from '../../src/domain/validate-launch.js';
import type { Handler } from './handler-context.js';

/**
 * `launch`: checked (the rules, then the image catalogue: see checkImageCatalogue), then every create
 * option, replicas and registry auth go to SkahaClient.launch; the launch is recorded (requested →
 * completed | failed, the registry secret stripped by the reducer) and the daemon polls fast
 * afterwards. The params are never logged: they may carry a registry secret.
 */
export const handleLaunch: Handler<'launch'> = async (params, ctx, client) => {
  const launchId = ctx.newId('l');
  void ctx.apply({ type: 'launch.requested', launchId, request: params, at: ctx.clock.now() });
  ctx.logger.info('launch requested', { launchId, name: params.name, kind: params.kind, replicas: params.replicas ?? 1, client: client.name });
  try {
    validateLaunch(params);
    await checkImageCatalogue(params, () => ctx.images(), ctx.registryConfigured(), ctx.logger);
    const results = await ctx.api().launch(params);
    void ctx.apply({ type: 'launch.completed', launchId, results, at: ctx.clock.now() });
    return { launchId, results };
  } catch (error) {
    const failure = toAppError(error);
    ctx.logger.warn('launch failed', { launchId, code: failure.code, error: failure.message });
    void ctx.apply({ type: 'launch.failed', launchId, error: failure.toJSON(), at: ctx.clock.now() });
    throw failure;
  } finally {
    ctx.pollSoon();
  }
};
