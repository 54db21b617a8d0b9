import { createHash } from 'node:crypto';

/**
 * Azure Tables (and Cosmos DB's Table API) refuse `/ \ # ?` and control characters in PartitionKey and RowKey,
 * cap their length (1 KiB; Cosmos DB: 255 bytes for a RowKey), and compare them as strings. Key parts are
 * therefore encoded to plain ASCII, keeping code point order so range and prefix queries still work:
 *
 * - Letters, digits and `- : @ _` stay as they are.
 * - Every other code point becomes a lead character followed by its number in fixed-width hex. Each lead sits,
 *   in ASCII order, inside the run of escaped code points it stands for, so the encoding sorts like the original:
 *   `!xx` for U+0000–U+002C (space and `!"#$%&'()*+,`), `.xx` for `./`, `;xx` for `;<=>?`, `[xx` for `[\]^`,
 *   `` `xx `` for the backtick, and `~xxxxxx` for `{|}~`, DEL and everything beyond ASCII.
 * - An encoding longer than the limit keeps its first characters, then `..` (which no encoding contains: a `.` is
 *   always followed by `2`), then 40 hex digits of its SHA-256. Such keys stay distinct and roughly in place; the
 *   adapter stores the real key beside them and filters and sorts on it, so queries stay exact.
 */
interface EscapeRun {
  first: number;
  last: number;
  lead: string;
  width: number;
}

const ESCAPE_RUNS: readonly EscapeRun[] = [
  { first: 0x00, last: 0x2c, lead: '!', width: 2 },
  { first: 0x2e, last: 0x2f, lead: '.', width: 2 },
  { first: 0x3b, last: 0x3f, lead: ';', width: 2 },
  { first: 0x5b, last: 0x5e, lead: '[', width: 2 },
  { first: 0x60, last: 0x60, lead: '`', width: 2 },
  { first: 0x7b, last: 0x10ffff, lead: '~', width: 6 },
];

const HASH_MARK = '..';
const HASH_CHARS = 40;

/** Order-preserving, prefix-preserving ASCII encoding of any string. */
export function encodeKeyPart(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const run = ESCAPE_RUNS.find((r) => code >= r.first && code <= r.last);
    out += run ? run.lead + code.toString(16).padStart(run.width, '0') : char;
  }
  return out;
}

/** Reverses `encodeKeyPart` (for encodings that were not shortened). */
export function decodeKeyPart(encoded: string): string {
  let out = '';
  for (let i = 0; i < encoded.length;) {
    const char = encoded.charAt(i);
    const run = ESCAPE_RUNS.find((r) => r.lead === char);
    if (!run) {
      out += char;
      i += 1;
      continue;
    }
    const hex = encoded.slice(i + 1, i + 1 + run.width);
    if (!/^[0-9a-f]+$/.test(hex) || hex.length !== run.width) {
      throw new RangeError(`"${encoded}" is not an encoded key (at ${i}).`);
    }
    out += String.fromCodePoint(parseInt(hex, 16));
    i += 1 + run.width;
  }
  return out;
}

/** The encoding cut to `maxLength` characters when longer, made unique again by a hash of the whole. */
export function fitKey(encoded: string, maxLength: number): string {
  if (encoded.length <= maxLength) return encoded;
  const hash = createHash('sha256').update(encoded).digest('hex').slice(0, HASH_CHARS);
  return encoded.slice(0, keptLength(maxLength)) + HASH_MARK + hash;
}

/** How many leading characters of an encoding a shortened key keeps. */
export function keptLength(maxLength: number): number {
  return maxLength - HASH_MARK.length - HASH_CHARS;
}

/**
 * Bounds on stored RowKeys that hold every key whose encoding lies in `[lower, upper)`, shortened keys included.
 * They may hold a few more (near a shortened key): the adapter filters on the real keys afterwards.
 */
export function rowKeyBounds(
  lower: string | null,
  upper: string | null,
  maxLength: number,
): { lower: string | null; upper: string | null } {
  const kept = keptLength(maxLength);
  return {
    lower: lower === null ? null : encodeKeyPart(lower).slice(0, kept),
    upper: upper === null ? null : upperRowKey(encodeKeyPart(upper), kept),
  };
}

function upperRowKey(encoded: string, kept: number): string | null {
  if (encoded.length <= kept) return encoded;
  return asciiPrefixUpperBound(encoded.slice(0, kept));
}

/** The smallest ASCII string above every string starting with `prefix` (encodings use no character above `~`). */
export function asciiPrefixUpperBound(prefix: string): string | null {
  let end = prefix.length;
  while (end > 0 && prefix.charCodeAt(end - 1) >= 0x7e) end -= 1;
  if (end === 0) return null;
  return prefix.slice(0, end - 1) + String.fromCharCode(prefix.charCodeAt(end - 1) + 1);
}
