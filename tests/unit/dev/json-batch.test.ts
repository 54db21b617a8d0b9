import { readBatch } from '../../../src/dev/json-batch';

const get = (id: string, dependsOn?: string[]) => ({
  id,
  method: 'GET',
  url: '/users/x',
  ...(dependsOn ? { dependsOn } : {}),
});

describe('reading a JSON batch', () => {
  it('accepts up to 20 requests', () => {
    expect(readBatch({ requests: Array.from({ length: 20 }, (_, i) => get(String(i))) })).toHaveLength(20);
  });

  it.each([
    [
      'more than 20 requests',
      { requests: Array.from({ length: 21 }, (_, i) => get(String(i))) },
      'at most 20',
    ],
    ['no requests array', { request: [] }, "'requests' array"],
    ['duplicate ids', { requests: [get('1'), get('1')] }, 'duplicate'],
    ['an unknown dependency', { requests: [get('1', ['2'])] }, 'unknown request'],
    ['a dependency cycle', { requests: [get('1', ['2']), get('2', ['1'])] }, 'cycle'],
    ['a request without a url', { requests: [{ id: '1', method: 'GET' }] }, "'url'"],
  ])('refuses %s', (_label, payload, message) => {
    expect(() => readBatch(payload)).toThrow(message);
  });
});
