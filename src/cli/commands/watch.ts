import { AppError } from '../../domain/errors.js';
import type { CommandHandler } from '../command-context.js';
import { topicEvent } from '../daemon-events.js';
import { UsageError } from '../parse-args.js';
import { aborted } from '../system.js';
import { DIAGNOSTICS, MESSAGES, USAGE_ERRORS } from '../text.js';
import { watchLine } from '../views/event-lines.js';

/** `watch [--json]`: prints the daemon's events as they happen (starting the daemon if needed) until Ctrl-C (exit 0); exit 1 if the daemon goes away. */
export const watchCommand: CommandHandler = async (ctx) => {
  const { io, out } = ctx;
  if (ctx.args.global['no-daemon']) throw new UsageError(USAGE_ERRORS.watchNeedsDaemon, 'watch');
  const conn = await ctx.startDaemon();
  const interrupt = ctx.system.interrupt();
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const off = conn.subscribe({
    onEvent(topic, data) {
      const line = watchLine(topicEvent(topic, data), out.json, io.now(), out.style);
      if (line) out.printStyled(line);
    },
    onStatus(status) {
      if (status.state !== 'disconnected') return;
      out.error(new AppError('DAEMON_UNAVAILABLE', MESSAGES.daemonLost(status.lastError?.message ?? '')));
      finish(1);
    },
  });
  void aborted(interrupt.signal).then(() => finish(0));
  ctx.log.info(DIAGNOSTICS.watching);
  if (!out.json && io.stderr.isTTY) out.note(MESSAGES.watching);
  try {
    return await finished;
  } finally {
    off();
    interrupt.dispose();
  }
};
