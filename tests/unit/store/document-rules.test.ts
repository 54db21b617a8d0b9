import {
  DocumentTooLargeError,
  MAX_BATCH_CHARS,
  MAX_DOCUMENT_CHARS,
} from '../../../src/ports/document-store';
import {
  checkAddress,
  compareKeys,
  keyRangeOf,
  prefixUpperBound,
  serialiseBatch,
  serialiseValue,
} from '../../../src/store/document-rules';
import { seededStrings, utf8Compare } from './seeded-strings';

describe('key order', () => {
  it('compareKeys orders by code point, as UTF-8 bytes do', () => {
    const samples = seededStrings(3, 500, 6);
    for (let i = 0; i + 1 < samples.length; i += 1) {
      const a = samples[i]!;
      const b = samples[i + 1]!;
      expect([a, b, Math.sign(compareKeys(a, b))]).toEqual([a, b, Math.sign(utf8Compare(a, b))]);
    }
  });

  it('characters beyond U+FFFF sort after U+E000..U+FFFF (unlike JavaScript’s < )', () => {
    expect(compareKeys('😀', '\uffff')).toBeGreaterThan(0);
    const jsLess = (a: string, b: string): boolean => a < b;
    expect(jsLess('😀', '\uffff')).toBe(true);
  });

  it('prefixUpperBound bounds exactly the strings that start with the prefix', () => {
    const keys = seededStrings(4, 400, 5);
    for (const prefix of seededStrings(5, 40, 2)) {
      const upper = prefixUpperBound(prefix);
      for (const key of keys) {
        const inRange = compareKeys(key, prefix) >= 0 && (upper === null || compareKeys(key, upper) < 0);
        expect([prefix, key, inRange]).toEqual([prefix, key, key.startsWith(prefix)]);
      }
    }
    expect(prefixUpperBound('')).toBeNull();
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
    expect(prefixUpperBound('a\ud7ff')).toBe('a\ue000');
  });

  it('a range whose bounds cross is empty', () => {
    expect(keyRangeOf({ from: 'b', to: 'a' }).empty).toBe(true);
    expect(keyRangeOf({ prefix: 'a', from: 'b' }).empty).toBe(true);
    expect(keyRangeOf({ prefix: 'a', from: 'a5' })).toEqual({ lower: 'a5', upper: 'b', empty: false });
  });
});

describe('what every adapter refuses', () => {
  it('collection names must be identifiers', () => {
    expect(() => {
      checkAddress('agendas', 'p');
    }).not.toThrow();
    for (const bad of ['', '1abc', 'a-b', 'a|b', 'a'.repeat(64)]) {
      expect(() => {
        checkAddress(bad, 'p');
      }).toThrow(RangeError);
    }
  });

  it('a value that is not JSON is refused', () => {
    expect(() => serialiseValue('c', 'p', 'k', undefined)).toThrow(/not JSON/);
  });

  it('a value over the size limit is refused with its size and the limit', () => {
    const error = (() => {
      try {
        serialiseValue('c', 'p', 'k', 'x'.repeat(MAX_DOCUMENT_CHARS));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DocumentTooLargeError);
    expect((error as DocumentTooLargeError).message).toMatch(
      /262146 characters of JSON; the limit is 262144/,
    );
  });

  it('a batch over the total size limit is refused', () => {
    const chunk = 'x'.repeat(MAX_DOCUMENT_CHARS - 10);
    const docs = Array.from({ length: Math.ceil(MAX_BATCH_CHARS / chunk.length) + 1 }, (_, i) => ({
      key: `k${i}`,
      value: chunk,
    }));
    expect(() => serialiseBatch('c', 'p', docs)).toThrow(/smaller batches/);
  });
});
