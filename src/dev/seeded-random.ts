/** Seeded randomness for the demo organisation and the emulator's fault injection: same seed, same world. */
import { hex8 } from './wire-text';

/** mulberry32: a tiny, fast 32-bit PRNG. Returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIX_START = 0x811c9dc5;

/** One step of `mixHash`: folds a part into the running state. */
function mixIn(state: number, part: number): number {
  let h = Math.imul(state ^ (part | 0), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

function mixOut(state: number): number {
  let h = state ^ (state >>> 16);
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}

/** A stateless 32-bit hash of a few integers (for per-occurrence decisions that must not depend on call order). */
export function mixHash(...parts: readonly number[]): number {
  let h = MIX_START;
  for (const part of parts) h = mixIn(h, part);
  return mixOut(h);
}

/** `mixHash(a, b)`, for hot loops. */
export function mixPair(a: number, b: number): number {
  return mixOut(mixIn(mixIn(MIX_START, a), b));
}

/**
 * The running state of `mixHash` after `parts`: `mixHashAfter(mixPrefix(a, b), c)` is `mixHash(a, b, c)`,
 * so hashes that share their first parts (one occurrence's salts) pay for those parts once.
 */
export function mixPrefix(...parts: readonly number[]): number {
  let h = MIX_START;
  for (const part of parts) h = mixIn(h, part);
  return h;
}

export function mixHashAfter(prefix: number, last: number): number {
  return mixOut(mixIn(prefix, last));
}

/** Like `mixHash`, mapped to [0, 1). */
export function unitHash(...parts: readonly number[]): number {
  return mixHash(...parts) / 4294967296;
}

/** FNV-1a of a string, for turning labels into seeds. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** A seeded stream with the few helpers the generator needs. */
export class SeededRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A number in [0, 1). */
  unit(): number {
    return this.next();
  }

  /** An integer in [min, maxExclusive). */
  int(min: number, maxExclusive: number): number {
    return min + Math.floor(this.next() * (maxExclusive - min));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Cannot pick from an empty list.');
    return item;
  }
}

/** A GUID-shaped identifier that is a pure function of its parts (version-4 layout). */
export function stableGuid(...parts: readonly number[]): string {
  const prefix = mixPrefix(...parts);
  const hex = [1, 2, 3, 4].map((salt) => hex8(mixHashAfter(prefix, salt))).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
