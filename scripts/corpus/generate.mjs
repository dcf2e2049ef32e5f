// Writes the benchmark corpus: about 10,000 plans (~130 MB) under <dir>/corpus/<province>/<office>/
// and one 30 KB plan at <dir>/plan-30k.md. Deterministic (seeded), and cached: the corpus is only
// rewritten when the generator's own sources, the seed or the count change.
//   node scripts/corpus/generate.mjs [dir]      (dir defaults to .bench)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignPlans, buildOffices, slugify } from './organisations.mjs';
import { renderPlan } from './plan.mjs';
import { Random } from './random.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS_SEED = 20_210_518;
export const CORPUS_COUNT = 10_000;
const SINGLE_PLAN_BYTES = 30_000;

/** A hash of the generator's sources and parameters: any change to them makes a new corpus. */
export function generatorVersion(count = CORPUS_COUNT, seed = CORPUS_SEED) {
  const hash = createHash('sha256').update(`${count}:${seed}`);
  for (const file of readdirSync(HERE).filter((f) => f.endsWith('.mjs')).sort()) hash.update(file).update(readFileSync(join(HERE, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * @typedef {{ version: string, count: number, seed: number, bytes: number, files: string[], sizes: { min: number, median: number, p95: number, max: number },
 *   generatedMs: number, plan30kBytes: number }} Manifest
 * @returns {{ corpusDir: string, plan30k: string, manifest: Manifest, cached: boolean }}
 */
export function ensureCorpus(dir, { count = CORPUS_COUNT, seed = CORPUS_SEED } = {}) {
  const corpusDir = join(dir, 'corpus');
  const plan30k = join(dir, 'plan-30k.md');
  const manifestPath = join(dir, 'corpus.json');
  const version = generatorVersion(count, seed);
  if (existsSync(manifestPath) && existsSync(plan30k)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.version === version && manifest.files.every((file) => existsSync(join(dir, file)))) return { corpusDir, plan30k, manifest, cached: true };
  }
  const started = performance.now();
  rmSync(corpusDir, { recursive: true, force: true });
  const rng = new Random(seed);
  const offices = buildOffices(rng.fork());
  const identities = assignPlans(offices, count, rng.fork());
  const files = [];
  const sizes = [];
  let bytes = 0;
  for (const office of offices) {
    if (office.plans.length === 0) continue;
    const officeDir = join(corpusDir, office.slug);
    mkdirSync(officeDir, { recursive: true });
    for (const plan of office.plans) {
      const text = renderPlan(plan, new Random(plan.seed));
      const [day, month, year] = plan.date;
      const name = `${plan.number}-KH-${slugify(office.code).toUpperCase()}_${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}.md`;
      const path = join(officeDir, name);
      const data = Buffer.from(text, 'utf8');
      writeFileSync(path, data);
      files.push(relative(dir, path));
      sizes.push(data.length);
      bytes += data.length;
    }
  }
  const single = singlePlan(identities);
  writeFileSync(plan30k, single);
  sizes.sort((a, b) => a - b);
  /** @type {Manifest} */
  const manifest = {
    version,
    count,
    seed,
    bytes,
    files,
    sizes: { min: sizes[0], median: sizes[sizes.length >> 1], p95: sizes[Math.floor(sizes.length * 0.95)], max: sizes[sizes.length - 1] },
    generatedMs: Math.round(performance.now() - started),
    plan30kBytes: Buffer.byteLength(single),
  };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { corpusDir, plan30k, manifest, cached: false };
}

/** A district education office's plan that implements parent plans, rendered at 30 KB (± 0.5 KB). */
function singlePlan(identities) {
  const identity = identities.find((plan) => plan.office.code === 'PGDĐT' && plan.implements.length === 2) ?? identities[0];
  let best = '';
  for (let seed = 1; seed < 200; seed++) {
    const text = renderPlan(identity, new Random(seed), SINGLE_PLAN_BYTES - 1500);
    const size = Buffer.byteLength(text);
    if (Math.abs(size - SINGLE_PLAN_BYTES) < Math.abs(Buffer.byteLength(best) - SINGLE_PLAN_BYTES)) best = text;
    if (Math.abs(size - SINGLE_PLAN_BYTES) <= 500) break;
  }
  return best;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? join(HERE, '..', '..', '.bench');
  const { manifest, cached } = ensureCorpus(dir);
  const mb = (manifest.bytes / 1e6).toFixed(1);
  console.log(`${cached ? 'cached' : `generated in ${(manifest.generatedMs / 1000).toFixed(1)} s`}: ${manifest.files.length} plans, ${mb} MB, sizes ${JSON.stringify(manifest.sizes)}`);
}
