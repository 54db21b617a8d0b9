import {
  SeededRandom,
  mixHash,
  mixHashAfter,
  mixPair,
  mixPrefix,
  mulberry32,
  stableGuid,
  unitHash,
} from '../../../src/dev/seeded-random';

describe('seeded randomness', () => {
  it('repeats the same mulberry32 stream for the same seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(mulberry32(8)()).not.toBe(first[0]);
  });

  it('hashes integers statelessly into [0, 1)', () => {
    expect(mixHash(1, 2, 3)).toBe(mixHash(1, 2, 3));
    expect(mixHash(1, 2, 3)).not.toBe(mixHash(1, 3, 2));
    const values = Array.from({ length: 1000 }, (_, i) => unitHash(5, i));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });

  it('keeps the hashes the generated organisations were built from', () => {
    expect(mixHash(1, 2, 3)).toBe(3935051637);
    expect(mixHash()).toBe(817819692);
    expect(mixHash(0x811c9dc5, -7, 2 ** 40)).toBe(3051495806);
  });

  it('hashes a shared prefix once with the same result as hashing every part', () => {
    for (const [a, b, c] of [
      [1, 2, 3],
      [0x811c9dc5, -7, 2 ** 40],
      [42, 0, -1],
    ] as const) {
      const prefix = mixPrefix(a, b);
      expect(mixHashAfter(prefix, c)).toBe(mixHash(a, b, c));
      expect(mixHashAfter(mixPrefix(), a)).toBe(mixHash(a));
      expect(mixPair(a, b)).toBe(mixHash(a, b));
    }
  });

  it('makes stable GUID-shaped ids', () => {
    expect(stableGuid(7, 0x5eed, 0)).toBe('59b176ea-72e5-45e3-8809-5123bc4da726');
    expect(stableGuid()).toBe('4e0a2832-3094-4fe2-a8db-24060c7a2843');
    expect(stableGuid(1, 2)).toBe(stableGuid(1, 2));
    expect(stableGuid(1, 2)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableGuid(1, 3)).not.toBe(stableGuid(1, 2));
  });

  it('picks ints within bounds and refuses an empty pick', () => {
    const random = new SeededRandom(3);
    const ints = Array.from({ length: 200 }, () => random.int(5, 9));
    expect(new Set(ints)).toEqual(new Set([5, 6, 7, 8]));
    expect(() => random.pick([])).toThrow('empty');
  });
});
