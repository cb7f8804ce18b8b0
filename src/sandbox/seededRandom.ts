/**
 * mulberry32: a small, fast seeded PRNG. The sandbox's generated people and
 * events must be the same for the same seed everywhere (tests and benchmarks
 * count them), so nothing generated uses Math.random.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
