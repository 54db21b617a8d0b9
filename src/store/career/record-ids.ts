import { randomInt } from 'node:crypto';

/**
 * Recap and action ids carry the partition they live in: `${authorOrEmployeeId}~${random}`, so a record can be
 * read from its id alone. The random part is 16 characters of lower-case Crockford base32 (80 bits), which never
 * contain `~`; the partition is everything before the last `~`.
 */
export type RandomSource = () => number;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 16;
const SEPARATOR = '~';

/** A cryptographically strong source for production; tests pass a seeded one. */
export const secureRandom: RandomSource = () => randomInt(0, 2 ** 48) / 2 ** 48;

export function newRecapId(authorId: string, random: RandomSource): string {
  return partitionedId(authorId, random);
}

export function newActionId(employeeId: string, random: RandomSource): string {
  return partitionedId(employeeId, random);
}

/** The author of a recap or the employee of an action, from its id; null when the id is not one of ours. */
export function partitionOfId(id: string): string | null {
  const at = id.lastIndexOf(SEPARATOR);
  return at <= 0 || at === id.length - 1 ? null : id.slice(0, at);
}

/** Splits a 1:1 id `${ownerId}:${eventId}` at its first colon (owner ids never hold one; event ids may). */
export function parseOneOnOneId(id: string): { ownerId: string; eventId: string } | null {
  const at = id.indexOf(':');
  return at <= 0 || at === id.length - 1 ? null : { ownerId: id.slice(0, at), eventId: id.slice(at + 1) };
}

function partitionedId(partition: string, random: RandomSource): string {
  if (partition.length === 0) throw new RangeError('An id needs the person it belongs to.');
  let suffix = '';
  for (let i = 0; i < RANDOM_CHARS; i += 1) {
    const r = random();
    if (!(r >= 0 && r < 1)) throw new RangeError(`A random source must return numbers in [0, 1) (got ${r}).`);
    suffix += ALPHABET.charAt(Math.floor(r * ALPHABET.length));
  }
  return `${partition}${SEPARATOR}${suffix}`;
}
