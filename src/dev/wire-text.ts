/**
 * The small pieces of text every event repeats: instants, Graph's local date-times, hex and base64.
 * Written from lookup tables and small bounded memos, because `Date#toISOString` and `Buffer` round trips
 * cost more than the rest of an event put together. Each function gives exactly what the obvious
 * `Date`/`Buffer`/`toString(16)` code gives.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** Memos are cleared when they reach this size (the emulator only ever meets a few hundred values). */
const MEMO_LIMIT = 4096;
/** Days of years 0000 to 9999, which `toISOString` writes with four digits. */
const FIRST_FOUR_DIGIT_DAY = Date.parse('0000-01-01T00:00:00Z') / DAY_MS;
const LAST_FOUR_DIGIT_DAY = Date.parse('9999-12-31T00:00:00Z') / DAY_MS;

function remembered<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V): V {
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = compute(key);
  memo.set(key, value);
  return value;
}

const instants = new Map<number, string>();

/** `new Date(ms).toISOString()` (meetings share a handful of creation and change instants). */
export function instantText(ms: number): string {
  return remembered(instants, ms, (key) => new Date(key).toISOString());
}

const days = new Map<number, string>();
const minutes: (string | undefined)[] = [];

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
function dayText(dayNumber: number): string {
  return remembered(days, dayNumber, (key) => new Date(key * DAY_MS).toISOString().slice(0, 10));
}

/** `HH:MM:00.0000000` of a minute of the day. */
function minuteText(minute: number): string {
  let text = minutes[minute];
  if (text === undefined) {
    text = `${new Date(minute * MINUTE_MS).toISOString().slice(11, 19)}.0000000`;
    minutes[minute] = text;
  }
  return text;
}

/** Graph's local date-time, `2026-11-25T09:30:00.0000000`, of a local wall-clock time read as UTC. */
export function localDateTimeText(localMs: number): string {
  const day = Math.floor(localMs / DAY_MS);
  const minute = (localMs - day * DAY_MS) / MINUTE_MS;
  const plain = day >= FIRST_FOUR_DIGIT_DAY && day <= LAST_FOUR_DIGIT_DAY;
  if (!plain || !Number.isInteger(minute) || minute >= MINUTES_PER_DAY) {
    return `${new Date(localMs).toISOString().slice(0, 19)}.0000000`;
  }
  return `${dayText(day)}T${minuteText(minute)}`;
}

/** Midnight of a day number in Graph's local date-time format (`slice(0, 10)` of its ISO text). */
export function localDateText(dayNumber: number): string {
  return `${dayText(dayNumber)}T${minuteText(0)}`;
}

const LOWER_HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const UPPER_HEX_BYTES = LOWER_HEX_BYTES.map((pair) => pair.toUpperCase());

function hexOf(word: number, bytes: readonly string[]): string {
  return (
    (bytes[word >>> 24] ?? '') +
    (bytes[(word >>> 16) & 0xff] ?? '') +
    (bytes[(word >>> 8) & 0xff] ?? '') +
    (bytes[word & 0xff] ?? '')
  );
}

/** `word.toString(16).padStart(8, '0')` of an unsigned 32-bit integer. */
export function hex8(word: number): string {
  return hexOf(word, LOWER_HEX_BYTES);
}

/** `hex8(word).toUpperCase()`. */
export function upperHex8(word: number): string {
  return hexOf(word, UPPER_HEX_BYTES);
}

/** A base64 alphabet as the 4,096 pairs of characters that encode 12 bits. */
function pairsOf(alphabet: string): string[] {
  return Array.from({ length: 4096 }, (_, bits) => alphabet.charAt(bits >>> 6) + alphabet.charAt(bits & 63));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64_PAIRS = pairsOf(BASE64);
const BASE64_URL_PAIRS = pairsOf(BASE64_URL);
const ASCII_LIMIT = 0x7f;

function base64OfAsciiWith(
  text: string,
  alphabet: string,
  pairs: readonly string[],
  padded: boolean,
): string {
  let out = '';
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    if ((a | b | c) > ASCII_LIMIT) return Buffer.from(text, 'utf8').toString(padded ? 'base64' : 'base64url');
    const bits = (a << 16) | (b << 8) | c;
    out += (pairs[bits >>> 12] ?? '') + (pairs[bits & 0xfff] ?? '');
  }
  const left = text.length - i;
  if (left === 0) return out;
  const a = text.charCodeAt(i);
  const b = left === 2 ? text.charCodeAt(i + 1) : 0;
  if ((a | b) > ASCII_LIMIT) return Buffer.from(text, 'utf8').toString(padded ? 'base64' : 'base64url');
  const bits = (a << 16) | (b << 8);
  out += pairs[bits >>> 12] ?? '';
  if (left === 2) return out + alphabet.charAt((bits >>> 6) & 63) + (padded ? '=' : '');
  return padded ? `${out}==` : out;
}

/** `Buffer.from(text, 'utf8').toString('base64')`. */
export function base64Of(text: string): string {
  return base64OfAsciiWith(text, BASE64, BASE64_PAIRS, true);
}

/** `Buffer.from(text, 'utf8').toString('base64url')`. */
export function base64UrlOf(text: string): string {
  return base64OfAsciiWith(text, BASE64_URL, BASE64_URL_PAIRS, false);
}
