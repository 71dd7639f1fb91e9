// The usage case's baseline: a process that reads the history file and decodes it (the least a usage
// answer without a daemon would do), then exits. Run as `node read-history-child.js FILE`.
import { readFileSync } from 'node:fs';
import { decodeHistories } from '../../daemon/store/history-codec.js';

const file = process.argv[2];
if (!file) throw new Error('usage: read-history-child.js FILE');
const decoded = decodeHistories(readFileSync(file));
process.stdout.write(`${Object.keys(decoded.accounts).length}\n`);
