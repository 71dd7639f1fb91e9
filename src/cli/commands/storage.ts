import { toAppError } from '../../domain/errors.js';
import { STORAGE_UNKNOWN, storageAfterFailure, storageAfterRead, type StorageStatus } from '../../state/storage.js';
import type { CommandContext, CommandHandler } from '../command-context.js';
import { cacheDaemon } from '../daemon-cache.js';
import { storageJson, storageView } from '../views/storage-views.js';
import { STORAGE_COLUMNS } from '../../export/record-columns.js';

/** Home storage read now from Skaha's host, for the user the session listing names; "unknown" (never an error) without a storage service or a user. */
async function readNow(ctx: CommandContext): Promise<StorageStatus> {
  const api = await ctx.api();
  const now = ctx.io.now();
  const user = (await api.listSessions()).find((s) => s.user)?.user ?? null;
  if (user === null) return storageAfterFailure(null, STORAGE_UNKNOWN.noUser, now);
  try {
    return storageAfterRead(null, await api.getHomeStorage(user), now);
  } catch (error) {
    if (toAppError(error).code !== 'SKAHA_NOT_FOUND') throw error;
    return storageAfterFailure(null, STORAGE_UNKNOWN.noService, now);
  }
}

/** `storage [--json|--yaml|--csv]`: home storage use and quota, as the daemon last read it (else read now). */
export const storageCommand: CommandHandler = async (ctx) => {
  const { out } = ctx;
  const cached = (await cacheDaemon(ctx))?.state?.storage ?? null;
  const status = cached ?? (await readNow(ctx));
  if (out.format) out.printData(storageJson(status), STORAGE_COLUMNS);
  else out.printStyled(storageView(status, out.style));
  return 0;
};
