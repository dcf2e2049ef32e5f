// npm run fuzz [-- --edits N] [--seeds 1,2,3]: the long fuzz run of the built language server
// (test/fuzz/lsp-fuzz.ts), one run per seed over the real plans of test/fixtures/real. Prints each
// seed (to replay it: --seeds that seed) and its findings; exits 1 when any run found something.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { ANSWER_BOUND_MS, fuzzServer } from '../test/fuzz/lsp-fuzz';

const program = new Command('fuzz')
  .option('--edits <count>', 'edits per seed', (value) => Number.parseInt(value, 10), 5000)
  .option('--seeds <list>', 'comma-separated seeds', (value) => value.split(',').map((seed) => Number.parseInt(seed, 10)), [Date.now() % 100_000, 2, 3])
  .option('--debounce <ms>', 'kehoach.debounceMs for the server', (value) => Number.parseInt(value, 10), 150)
  .parse(process.argv.filter((arg) => arg !== '--'));
const options = program.opts<{ edits: number; seeds: number[]; debounce: number }>();

const REAL = join(__dirname, '..', 'test', 'fixtures', 'real');
const plans = readdirSync(REAL)
  .filter((name) => name.endsWith('.md') && name !== 'SOURCES.md')
  .map((name) => readFileSync(join(REAL, name), 'utf8'));

let found = false;
for (const seed of options.seeds) {
  console.log(`seed ${seed}: ${options.edits} edits, debounce ${options.debounce} ms`);
  const findings = await fuzzServer({ seed, edits: options.edits, plans, settings: { debounceMs: options.debounce }, log: (message) => console.log(`  ${message}`) });
  console.log(
    `seed ${seed}: ${findings.publications} publications, ${findings.requests} requests (${findings.refused} ContentModified), ` +
      `${findings.outOfRange.length} ranges out of the document, ${findings.late} requests unanswered past ${ANSWER_BOUND_MS / 1000} s ` +
      `(${findings.unanswered} never), ${findings.errors.length} errors, ${findings.exits} exits`,
  );
  for (const line of [...findings.outOfRange, ...findings.errors].slice(0, 10)) console.log(`  ${line}`);
  found ||= findings.outOfRange.length + findings.late + findings.unanswered + findings.errors.length + findings.exits > 0;
}
process.exit(found ? 1 : 0);
