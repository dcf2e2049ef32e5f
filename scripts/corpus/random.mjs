// A small seeded PRNG (mulberry32) and the draws the generator needs. Seeded, so that two bench
// runs check the very same corpus and their figures are comparable.

export class Random {
  /** @param {number} seed */
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }

  /** @template T @param {readonly T[]} items @returns {T} */
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks from [weight, value] pairs. @template T @param {ReadonlyArray<readonly [number, T]>} pairs @returns {T} */
  weighted(pairs) {
    let total = 0;
    for (const [weight] of pairs) total += weight;
    let r = this.next() * total;
    for (const [weight, value] of pairs) {
      r -= weight;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][1];
  }

  /** `count` distinct items, in random order. @template T @param {readonly T[]} items @returns {T[]} */
  sample(items, count) {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  /** A log-normally distributed number with the given median and spread (sigma of the log). */
  logNormal(median, sigma) {
    // Box-Muller; 1 - next() keeps the logarithm finite.
    const u = 1 - this.next();
    const v = this.next();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * normal);
  }

  /** An independent generator derived from this one, so that adding draws in one part does not shift another. */
  fork() {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}
