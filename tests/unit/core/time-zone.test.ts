import { localDate, offsetMs, toIanaTimeZone, zonedParts, zonedToInstant } from '../../../src/core';

const HOUR = 3_600_000;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('toIanaTimeZone', () => {
  it.each([
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['GMT Standard Time', 'Europe/London'],
    ['Eastern Standard Time', 'America/New_York'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['Tokyo Standard Time', 'Asia/Tokyo'],
    ['UTC', 'UTC'],
    ['Coordinated Universal Time', 'UTC'],
  ])('maps the Windows name %s to %s', (windows, iana) => {
    expect(toIanaTimeZone(windows)).toBe(iana);
  });

  it.each(['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Etc/GMT+5'])(
    'passes the IANA name %s through',
    (name) => {
      expect(toIanaTimeZone(name)).toBe(name);
    },
  );

  it.each(['Mars Standard Time', 'tzone://Microsoft/Custom', '', 'toString'])(
    'returns null for the unknown zone %p',
    (name) => {
      expect(toIanaTimeZone(name)).toBeNull();
    },
  );
});

describe('zonedToInstant', () => {
  it.each([
    ['2026-03-07T09:00', 'America/Los_Angeles', '2026-03-07T17:00:00.000Z'],
    ['2026-03-08T01:30', 'America/Los_Angeles', '2026-03-08T09:30:00.000Z'],
    ['2026-03-08T03:30', 'America/Los_Angeles', '2026-03-08T10:30:00.000Z'],
    ['2026-03-08T09:00', 'America/Los_Angeles', '2026-03-08T16:00:00.000Z'],
    ['2026-11-01T12:00', 'America/Los_Angeles', '2026-11-01T20:00:00.000Z'],
    ['2026-03-29T01:30', 'Europe/Berlin', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29T03:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29T10:00', 'Europe/Berlin', '2026-03-29T08:00:00.000Z'],
    ['2026-10-25T12:00', 'Europe/Berlin', '2026-10-25T11:00:00.000Z'],
    ['2026-04-05T12:00', 'Australia/Sydney', '2026-04-05T02:00:00.000Z'],
    ['2026-03-10T10:30', 'Asia/Kolkata', '2026-03-10T05:00:00.000Z'],
    ['2026-03-10T10:30', 'Asia/Kathmandu', '2026-03-10T04:45:00.000Z'],
    ['2026-01-01T00:15', 'Asia/Kolkata', '2025-12-31T18:45:00.000Z'],
  ])('places %s in %s at %s', (local, zone, expected) => {
    expect(iso(zonedToInstant(local, zone))).toBe(expected);
  });

  it('reads seconds and 7-digit fractions, rounding to the millisecond', () => {
    expect(iso(zonedToInstant('2026-03-10T09:00:05.1234567', 'UTC'))).toBe('2026-03-10T09:00:05.123Z');
  });

  it('reads a minute-precision time', () => {
    expect(iso(zonedToInstant('2026-03-10T09:00', 'UTC'))).toBe('2026-03-10T09:00:00.000Z');
  });

  it.each(['2026-03-10', '2026-03-10 09:00', '10/03/2026 09:00', 'soon', '2026-03-10T09:00:00+01:00'])(
    'returns null for the unreadable text %p',
    (text) => {
      expect(zonedToInstant(text, 'UTC')).toBeNull();
    },
  );

  it.each([
    '2026-02-30T09:00',
    '2026-13-01T09:00',
    '2026-03-10T24:00',
    '2026-03-10T09:60',
    '2026-03-10T09:00:61',
  ])('returns null for the impossible date-time %p instead of rolling it over', (text) => {
    expect(zonedToInstant(text, 'UTC')).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(iso(zonedToInstant('2028-02-29T12:00', 'UTC'))).toBe('2028-02-29T12:00:00.000Z');
  });
});

describe('offsetMs', () => {
  it('is UTC-8 in Seattle before DST and UTC-7 after', () => {
    expect([
      offsetMs(Date.parse('2026-03-08T09:59:59Z'), 'America/Los_Angeles'),
      offsetMs(Date.parse('2026-03-08T10:00:00Z'), 'America/Los_Angeles'),
    ]).toEqual([-8 * HOUR, -7 * HOUR]);
  });

  it('is +5:30 in Kolkata', () => {
    expect(offsetMs(Date.parse('2026-03-10T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
  });
});

describe('localDate and zonedParts', () => {
  const instant = Date.parse('2026-03-31T20:00:00.000Z');

  it('gives the date where the person is', () => {
    expect([
      localDate(instant, 'Asia/Kolkata'),
      localDate(instant, 'America/Los_Angeles'),
      localDate(instant, 'UTC'),
    ]).toEqual(['2026-04-01', '2026-03-31', '2026-03-31']);
  });

  it('gives wall-clock parts and the weekday in the zone (0 = Sunday)', () => {
    expect(zonedParts(instant, 'Asia/Kolkata')).toEqual({
      year: 2026,
      month: 4,
      day: 1,
      hour: 1,
      minute: 30,
      second: 0,
      weekday: 3,
    });
  });

  it('reports midnight as hour 0, not 24', () => {
    expect(zonedParts(Date.parse('2026-03-10T00:00:00.000Z'), 'UTC').hour).toBe(0);
  });
});
