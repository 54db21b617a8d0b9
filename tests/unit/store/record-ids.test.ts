import { compositeKey } from '../../../src/store/career/collections';
import {
  newActionId,
  newRecapId,
  parseOneOnOneId,
  partitionOfId,
} from '../../../src/store/career/record-ids';

describe('record ids', () => {
  const fixed = (value: number) => () => value;

  it('newActionId embeds the employee before the last ~', () => {
    expect(newActionId('ava', fixed(0))).toBe('ava~0000000000000000');
    expect(partitionOfId(newActionId('a~b', fixed(0.99)))).toBe('a~b');
  });

  it('a random source outside [0, 1) is refused', () => {
    expect(() => newRecapId('ava', fixed(1))).toThrow(/\[0, 1\)/);
  });

  it('an id needs the person it belongs to', () => {
    expect(() => newRecapId('', fixed(0))).toThrow(/needs the person/);
  });

  it('partitionOfId is null for ids that carry no partition', () => {
    expect(partitionOfId('plain')).toBeNull();
    expect(partitionOfId('~abc')).toBeNull();
    expect(partitionOfId('ava~')).toBeNull();
  });

  it('a 1:1 id splits at its first colon, so event ids may hold colons', () => {
    expect(parseOneOnOneId('ava:AAMk:1/2')).toEqual({ ownerId: 'ava', eventId: 'AAMk:1/2' });
    expect(parseOneOnOneId('ava')).toBeNull();
    expect(parseOneOnOneId('ava:')).toBeNull();
  });

  it('compositeKey keeps different part lists apart whatever they contain', () => {
    const lists = [
      ['a|b', 'c'],
      ['a', 'b|c'],
      ['a%7Cb', 'c'],
      ['a', 'b', 'c'],
    ];
    expect(new Set(lists.map((parts) => compositeKey(...parts))).size).toBe(lists.length);
  });
});
