// Runs the real daemon (daemon/main.ts runDaemon) in the foreground in a child process, as
// `skaha-tui daemon` will once bin/ routes it: compiled by compile-child.ts for the integration test.
import { runDaemon } from '../../../daemon/main.js';

process.exitCode = await runDaemon(process.argv.slice(2));
