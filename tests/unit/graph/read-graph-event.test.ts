import { graphEventSchema } from '../../../src/graph/graph-schemas';
import { readGraphEvent } from '../../../src/graph/read-graph-event';

const zodReads = (item: unknown): unknown => {
  const parsed = graphEventSchema.safeParse(item);
  return parsed.success ? parsed.data : null;
};

const base = {
  id: 'AAMk1',
  subject: 'Private words',
  type: 'occurrence',
  seriesMasterId: 'AAMk0',
  isCancelled: false,
  isAllDay: false,
  isOrganizer: true,
  showAs: 'busy',
  sensitivity: 'normal',
  responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
  organizer: { emailAddress: { name: 'Avery Chen', address: 'avery@contoso.com' } },
  attendees: [
    {
      type: 'required',
      status: { response: 'accepted', time: '2026-03-01T10:00:00Z' },
      emailAddress: { name: 'Jordan Rivera', address: 'jordan@contoso.com' },
    },
  ],
  start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-03-10T09:30:00.0000000', timeZone: 'UTC' },
  lastModifiedDateTime: '2026-03-01T10:00:00Z',
  iCalUId: '0400',
};

const malformed: [string, unknown][] = [
  ['not an object', 'event'],
  ['null', null],
  ['an array', [base]],
  ['no id', { ...base, id: undefined }],
  ['an empty id', { ...base, id: '' }],
  ['a numeric id', { ...base, id: 7 }],
  ['no start', { ...base, start: undefined }],
  ['an empty end dateTime', { ...base, end: { dateTime: '', timeZone: 'UTC' } }],
  ['an end without a zone', { ...base, end: { dateTime: '2026-03-10T09:30:00' } }],
  ['a start that is a string', { ...base, start: '2026-03-10T09:00:00Z' }],
  ['attendees that are not a list', { ...base, attendees: {} }],
  ['an attendee that is not an object', { ...base, attendees: ['jordan@contoso.com'] }],
  ['an attendee without an address object', { ...base, attendees: [{ type: 'required' }] }],
  ['an attendee whose name is a number', { ...base, attendees: [{ emailAddress: { name: 1 } }] }],
  ['an attendee whose address is a list', { ...base, attendees: [{ emailAddress: { address: [] } }] }],
];

const lenient: [string, unknown][] = [
  ['a whole event (unknown fields dropped)', base],
  ['only id, start and end', { id: 'x', start: base.start, end: { ...base.end, extra: 1 } }],
  ['an unknown type, showAs and sensitivity', { ...base, type: 'other', showAs: 'away', sensitivity: 'x' }],
  ['fields present but undefined', { ...base, type: undefined, isAllDay: undefined, organizer: undefined }],
  [
    'nulls everywhere optional',
    { ...base, type: null, isCancelled: null, responseStatus: null, attendees: null },
  ],
  [
    'wrongly typed optional fields',
    { ...base, isCancelled: 'yes', seriesMasterId: 3, lastModifiedDateTime: {} },
  ],
  ['a response status that is a list', { ...base, responseStatus: [] }],
  ['a response status with bad parts', { ...base, responseStatus: { response: 'maybe', time: 4 } }],
  ['an organizer whose name is a number', { ...base, organizer: { emailAddress: { name: 1 } } }],
  ['an organizer without an address', { ...base, organizer: {} }],
  ['an organizer that is a string', { ...base, organizer: 'avery@contoso.com' }],
  [
    'attendees with odd types and statuses',
    {
      ...base,
      attendees: [
        { type: 'chair', status: 5, emailAddress: {} },
        { emailAddress: { name: null, address: undefined } },
        { type: 'resource', status: null, emailAddress: { address: 'room@contoso.com' } },
      ],
    },
  ],
];

describe('readGraphEvent reads a calendar item exactly as graphEventSchema does', () => {
  test.each(malformed)('rejects an item with %s', (_label, item) => {
    expect(zodReads(item)).toBeNull();
    expect(readGraphEvent(item)).toBeNull();
  });

  test.each(lenient)('accepts %s with the same result', (_label, item) => {
    const expected = zodReads(item);
    expect(expected).not.toBeNull();
    expect(readGraphEvent(item)).toStrictEqual(expected);
  });

  test('agrees with the schema on thousands of randomly broken events', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const junk = [undefined, null, 0, 1, '', 'x', 'busy', 'required', 'accepted', true, [], {}, ['a']];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const mutate = (value: unknown, depth: number): unknown => {
      if (value === null || typeof value !== 'object' || depth > 3)
        return random() < 0.3 ? pick(junk) : value;
      if (Array.isArray(value)) return value.map((entry) => mutate(entry, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) {
        const roll = random();
        if (roll < 0.08) continue;
        out[key] = roll < 0.2 ? pick(junk) : mutate(entry, depth + 1);
      }
      return out;
    };
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const item = mutate(base, 0);
      const expected = zodReads(item);
      expect(readGraphEvent(item)).toStrictEqual(expected);
      if (expected !== null) accepted += 1;
    }
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(4900);
  });
});
