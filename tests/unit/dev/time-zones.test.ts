import {
  formatGraphDate,
  formatGraphDateTime,
  ianaZoneFor,
  localDayNumber,
  localMinuteOfDay,
  localToUtc,
  weekdayOf,
  windowsZoneFor,
} from '../../../src/dev/time-zones';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('time zones', () => {
  it('resolves Windows and IANA names, and refuses unknown ones', () => {
    expect(ianaZoneFor('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(ianaZoneFor('w. europe standard time')).toBe('Europe/Berlin');
    expect(ianaZoneFor('UTC')).toBe('UTC');
    expect(ianaZoneFor('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(ianaZoneFor('America/Chicago')).toBe('America/Chicago');
    expect(ianaZoneFor('Mars Standard Time')).toBeNull();
    expect(windowsZoneFor('Europe/London')).toBe('GMT Standard Time');
  });

  it('places a local wall-clock time on either side of a DST change', () => {
    expect(new Date(localToUtc(day('2026-03-06'), 10 * 60, 'America/Los_Angeles')).toISOString()).toBe(
      '2026-03-06T18:00:00.000Z',
    );
    expect(new Date(localToUtc(day('2026-03-09'), 10 * 60, 'America/Los_Angeles')).toISOString()).toBe(
      '2026-03-09T17:00:00.000Z',
    );
    expect(new Date(localToUtc(day('2026-07-01'), 9 * 60 + 30, 'Asia/Kolkata')).toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    );
  });

  it("reads an instant's local day, minute and weekday", () => {
    const instant = Date.parse('2026-03-10T06:30:00Z');
    expect(localDayNumber(instant, 'America/Los_Angeles')).toBe(day('2026-03-09'));
    expect(localMinuteOfDay(instant, 'America/Los_Angeles')).toBe(23 * 60 + 30);
    expect(weekdayOf(day('2026-03-10'))).toBe(2);
  });

  it("writes Graph's date-time format", () => {
    expect(formatGraphDateTime(Date.parse('2026-03-10T17:00:00Z'), 'Europe/Berlin')).toBe(
      '2026-03-10T18:00:00.0000000',
    );
    expect(formatGraphDate(day('2026-03-10'))).toBe('2026-03-10T00:00:00.0000000');
  });

  it('keeps DST-correct offsets for instants years away from the first one asked', () => {
    const asked = [
      '2026-07-01T12:00:00Z',
      '1985-01-15T12:00:00Z',
      '2070-07-01T12:00:00Z',
      '2026-01-15T12:00:00Z',
    ];
    const berlin = asked.map((iso) => formatGraphDateTime(Date.parse(iso), 'Europe/Berlin'));
    expect(berlin).toEqual([
      '2026-07-01T14:00:00.0000000',
      '1985-01-15T13:00:00.0000000',
      '2070-07-01T14:00:00.0000000',
      '2026-01-15T13:00:00.0000000',
    ]);
    expect(formatGraphDateTime(Date.parse('1985-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(berlin[1]);
  });
});
