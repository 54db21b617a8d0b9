import {
  asciiPrefixUpperBound,
  decodeKeyPart,
  encodeKeyPart,
  fitKey,
  rowKeyBounds,
} from '../../../src/store/tables/table-keys';
import { seededStrings, utf8Compare } from './seeded-strings';

const sign = (n: number): number => Math.sign(n);
const ascii = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Beside control characters, which the printable-ASCII check already excludes. */
const FORBIDDEN = /[/\\#?]/;

describe('table key encoding', () => {
  const samples = seededStrings(11, 400, 12);

  it('encodes to printable ASCII with none of the characters Azure Tables forbids', () => {
    for (const text of samples) {
      const encoded = encodeKeyPart(text);
      expect(encoded).toMatch(/^[\x20-\x7e]*$/);
      expect(encoded).not.toMatch(FORBIDDEN);
    }
  });

  it('leaves letters, digits and - : @ _ as they are', () => {
    expect(encodeKeyPart('Ava-01:x@y_z')).toBe('Ava-01:x@y_z');
  });

  it('decoding gives back the original string', () => {
    for (const text of samples) expect(decodeKeyPart(encodeKeyPart(text))).toBe(text);
  });

  it('keeps code point order between any two strings', () => {
    for (let i = 0; i + 1 < samples.length; i += 1) {
      const a = samples[i]!;
      const b = samples[i + 1]!;
      expect([a, b, sign(ascii(encodeKeyPart(a), encodeKeyPart(b)))]).toEqual([
        a,
        b,
        sign(utf8Compare(a, b)),
      ]);
    }
  });

  it('keeps prefixes: a prefix of a string encodes to a prefix of its encoding, and only then', () => {
    for (const text of samples) {
      for (let cut = 0; cut <= text.length; cut += 1) {
        const prefix = text.slice(0, cut);
        if (/[\ud800-\udbff]$/.test(prefix)) continue; // half a surrogate pair is not a string anyone stores
        expect(encodeKeyPart(text).startsWith(encodeKeyPart(prefix))).toBe(true);
      }
    }
    expect(encodeKeyPart('ab').startsWith(encodeKeyPart('a#'))).toBe(false);
  });

  it('a malformed encoding is refused on decode', () => {
    expect(() => decodeKeyPart('!z')).toThrow(/not an encoded key/);
  });
});

describe('keys longer than the service allows', () => {
  it('are cut to the limit and stay distinct through a hash', () => {
    const a = 'x'.repeat(300) + 'a';
    const b = 'x'.repeat(300) + 'b';
    expect(fitKey(a, 255)).toHaveLength(255);
    expect(fitKey(a, 255)).not.toBe(fitKey(b, 255));
    expect(fitKey('short', 255)).toBe('short');
  });

  it('never equal the encoding of another key (they hold "..", which no encoding does)', () => {
    for (const text of seededStrings(5, 300, 20)) expect(encodeKeyPart(text)).not.toContain('..');
    expect(fitKey('y'.repeat(300), 255)).toContain('..');
  });

  it('row key bounds hold every stored key whose real key is in range, long ones included', () => {
    const max = 60; // small, so the samples cross it often
    const keys = [...seededStrings(17, 300, 40), ...seededStrings(18, 50, 80).map((k) => 'pp' + k)];
    const ranges = seededStrings(19, 60, 6).map((x, i) => [x, seededStrings(100 + i, 1, 8)[0]!] as const);
    for (const [p, q] of ranges) {
      const [lower, upper] = utf8Compare(p, q) <= 0 ? [p, q] : [q, p];
      const bounds = rowKeyBounds(lower, upper, max);
      for (const key of keys) {
        if (utf8Compare(key, lower) < 0 || utf8Compare(key, upper) >= 0) continue;
        const stored = fitKey(encodeKeyPart(key), max);
        const inBounds =
          (bounds.lower === null || ascii(stored, bounds.lower) >= 0) &&
          (bounds.upper === null || ascii(stored, bounds.upper) < 0);
        expect([key, lower, upper, inBounds]).toEqual([key, lower, upper, true]);
      }
    }
  });

  it('the prefix upper bound skips trailing tildes', () => {
    expect(asciiPrefixUpperBound('ab')).toBe('ac');
    expect(asciiPrefixUpperBound('a~~')).toBe('b');
    expect(asciiPrefixUpperBound('~')).toBeNull();
  });
});
