import {
  base64Of,
  base64UrlOf,
  hex8,
  instantText,
  localDateText,
  localDateTimeText,
  upperHex8,
} from '../../../src/dev/wire-text';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** What the emulator wrote before the tables: `Date` and `Buffer` straight. */
const dateTimeByDate = (localMs: number) => `${new Date(localMs).toISOString().slice(0, 19)}.0000000`;
const dateByDate = (day: number) => `${new Date(day * DAY).toISOString().slice(0, 10)}T00:00:00.0000000`;

describe('wire text', () => {
  it('writes instants as toISOString does', () => {
    for (const ms of [0, -1, 1_800_000_000_123, Date.parse('2026-11-25T10:00:00Z'), -62_198_755_200_000]) {
      expect(instantText(ms)).toBe(new Date(ms).toISOString());
      expect(instantText(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => instantText(Number.NaN)).toThrow(RangeError);
  });

  it('writes local date-times as Date does, on and off the minute, for any year', () => {
    const start = Date.parse('2026-03-01T00:00:00Z');
    for (let minute = 0; minute < 3 * 1440; minute += 7) {
      expect(localDateTimeText(start + minute * MINUTE)).toBe(dateTimeByDate(start + minute * MINUTE));
    }
    for (const ms of [start + 1, start + 59_999, start - 1, -1, 0, -DAY - 30_000]) {
      expect(localDateTimeText(ms)).toBe(dateTimeByDate(ms));
    }
    for (const iso of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:00Z', '-000001-12-31T23:00:00Z']) {
      expect(localDateTimeText(Date.parse(iso))).toBe(dateTimeByDate(Date.parse(iso)));
    }
    expect(localDateTimeText(Date.parse('+010000-01-01T00:00:00Z'))).toBe(
      dateTimeByDate(Date.parse('+010000-01-01T00:00:00Z')),
    );
    expect(() => localDateTimeText(Number.NaN)).toThrow(RangeError);
  });

  it('writes all-day dates as Date does', () => {
    for (const day of [0, -1, 20_000, 20_417, 2_932_896, 3_000_000, -800_000]) {
      expect(localDateText(day)).toBe(dateByDate(day));
    }
  });

  it('writes 32-bit words in hex as toString(16) does', () => {
    for (const word of [0, 1, 0xff, 0x1000, 0x7fffffff, 0x80000000, 0xdeadbeef, 0xffffffff]) {
      expect(hex8(word)).toBe(word.toString(16).padStart(8, '0'));
      expect(upperHex8(word)).toBe(word.toString(16).padStart(8, '0').toUpperCase());
    }
  });

  it('encodes base64 and base64url as Buffer does, non-ASCII text included', () => {
    const texts = ['', 'a', 'ab', 'abc', 'abcd', '12.7000.-1', '2999.24447.52', '0000000a', 'ffffffff'];
    texts.push('Tomás', 'zoë.1', '日本', '\u{1f600}x', '~~~\u007f');
    for (const text of texts) {
      expect(base64Of(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      expect(base64UrlOf(text)).toBe(Buffer.from(text, 'utf8').toString('base64url'));
    }
  });
});
