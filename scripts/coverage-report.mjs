// Prints statement and branch coverage per folder from coverage/coverage-summary.json (written by
// `vitest run --coverage`), names the ten least-covered files, and exits 1 when a folder is below
// its floor in scripts/coverage-floors.json.

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const summary = JSON.parse(readFileSync(new URL('../coverage/coverage-summary.json', import.meta.url), 'utf8'));
const floors = JSON.parse(readFileSync(new URL('./coverage-floors.json', import.meta.url), 'utf8'));

/** The folder a file is reported under: `src/<sub>`, else its top folder. */
const folderOf = (file) => {
  const parts = file.split('/');
  return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : parts[0];
};

const totals = new Map();
const files = [];
for (const [path, figures] of Object.entries(summary)) {
  if (path === 'total') continue;
  const file = relative(ROOT, path);
  files.push({ file, ...figures });
  const folder = folderOf(file);
  const sum = totals.get(folder) ?? { statements: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } };
  for (const kind of ['statements', 'branches']) {
    sum[kind].covered += figures[kind].covered;
    sum[kind].total += figures[kind].total;
  }
  totals.set(folder, sum);
}

const pct = ({ covered, total }) => (total === 0 ? 100 : (100 * covered) / total);
const cell = (n) => `${n.toFixed(1)}%`.padStart(7);

const failures = [];
console.log(`${'folder'.padEnd(20)}${'stmts'.padStart(7)}${'branch'.padStart(8)}   floors`);
for (const folder of [...totals.keys()].sort((a, b) => a.localeCompare(b))) {
  const sum = totals.get(folder);
  const s = pct(sum.statements);
  const b = pct(sum.branches);
  const floor = floors[folder];
  let mark = '   (no floor)';
  if (floor) {
    mark = `   ${floor.statements}% / ${floor.branches}%`;
    if (s < floor.statements) failures.push(`${folder}: statements ${s.toFixed(1)}% is below the floor ${floor.statements}%`);
    if (b < floor.branches) failures.push(`${folder}: branches ${b.toFixed(1)}% is below the floor ${floor.branches}%`);
  }
  console.log(`${folder.padEnd(20)}${cell(s)} ${cell(b)}${mark}`);
}

console.log('\nleast-covered files (statements):');
const least = files.filter((f) => f.statements.total > 0).sort((a, b) => pct(a.statements) - pct(b.statements) || b.statements.total - a.statements.total);
for (const f of least.slice(0, 10)) {
  console.log(`  ${cell(pct(f.statements))} ${cell(pct(f.branches))}  ${f.file} (${f.statements.total} statements)`);
}

for (const folder of Object.keys(floors)) {
  if (!totals.has(folder)) failures.push(`${folder}: has a floor but no coverage figures (was the whole suite run?)`);
}
if (failures.length > 0) {
  console.error(
    `\ncoverage below its floor:\n  ${failures.join('\n  ')}\nAdd tests for the behaviour that lost them, or lower the floor in scripts/coverage-floors.json with a reason in the commit.`,
  );
  process.exit(1);
}
console.log('\ncoverage: every folder is at or above its floor');
