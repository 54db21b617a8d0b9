import {
  applySelect,
  dateTimeParameter,
  pageSize,
  parsePrefer,
  selectedFields,
} from '../../../src/dev/odata-query';

const query = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('OData query options', () => {
  it('reads several preferences from one Prefer header', () => {
    expect(parsePrefer('outlook.timezone="Pacific Standard Time", odata.maxpagesize=50')).toEqual({
      timeZone: 'Pacific Standard Time',
      maxPageSize: 50,
    });
    expect(parsePrefer(undefined)).toEqual({});
    expect(parsePrefer('odata.maxpagesize=zero')).toEqual({});
  });

  it('matches $select names case-insensitively and keeps id and annotations', () => {
    const fields = selectedFields(
      query({ $select: 'Subject,start' }),
      ['id', 'subject', 'start', 'body'],
      'event',
    );
    expect(fields).toEqual(['subject', 'start']);
    expect(applySelect({ '@odata.etag': 'x', id: '1', subject: 's', start: 1, end: 2 }, fields)).toEqual({
      '@odata.etag': 'x',
      id: '1',
      subject: 's',
      start: 1,
    });
    expect(applySelect({ id: '1' }, ['body'])).toEqual({ id: '1', body: null });
    expect(
      JSON.stringify(applySelect({ subject: 's', id: '1', '@odata.etag': 'x' }, ['end', 'subject'])),
    ).toBe('{"@odata.etag":"x","id":"1","end":null,"subject":"s"}');
  });

  it('clamps $top to the maximum and defaults it', () => {
    expect(pageSize(query({}), 10, 1000)).toBe(10);
    expect(pageSize(query({ $top: '5000' }), 10, 1000)).toBe(1000);
    expect(() => pageSize(query({ $top: '0' }), 10, 1000)).toThrow('at least 1');
  });

  it('reads date-times with and without an offset (none means UTC), and an offset whose + became a space', () => {
    expect(
      dateTimeParameter(query({ startdatetime: '2026-03-10T10:00:00' }), 'startDateTime', 'StartDateTime'),
    ).toBe(Date.parse('2026-03-10T10:00:00Z'));
    expect(
      dateTimeParameter(
        query({ startdatetime: '2026-03-10T10:00:00 01:00' }),
        'startDateTime',
        'StartDateTime',
      ),
    ).toBe(Date.parse('2026-03-10T09:00:00Z'));
  });
});
