import { GraphEndpoint } from '../../../src/graph/graph-endpoint';
import { GraphLinkRefused } from '../../../src/graph/graph-errors';
import { mailboxOf } from '../../../src/graph/graph-gateway';

describe('GraphEndpoint', () => {
  test('turns an absolute http nextLink of the emulator into a path under the version', () => {
    const endpoint = new GraphEndpoint('http://127.0.0.1:4321/v1.0');
    expect(endpoint.baseUrl).toBe('http://127.0.0.1:4321/');
    expect(endpoint.pathOf('http://127.0.0.1:4321/v1.0/users/a/calendarView/delta?$skiptoken=x%3D%3D')).toBe(
      '/users/a/calendarView/delta?$skiptoken=x%3D%3D',
    );
  });

  test('does the same for graph.microsoft.com', () => {
    const endpoint = new GraphEndpoint('https://graph.microsoft.com');
    expect(endpoint.pathOf('https://graph.microsoft.com/v1.0/users/a/directReports?$skiptoken=b')).toBe(
      '/users/a/directReports?$skiptoken=b',
    );
    expect(endpoint.urlOf('/users/a')).toBe('https://graph.microsoft.com/v1.0/users/a');
  });

  test('keeps a path as it is', () => {
    expect(new GraphEndpoint('https://graph.microsoft.com').pathOf('/users/a?$select=id')).toBe(
      '/users/a?$select=id',
    );
  });

  test('keeps a service root below a path prefix', () => {
    const endpoint = new GraphEndpoint('http://127.0.0.1:9/graph/');
    expect(endpoint.baseUrl).toBe('http://127.0.0.1:9/graph/');
    expect(endpoint.pathOf('http://127.0.0.1:9/graph/v1.0/users/a')).toBe('/users/a');
  });

  test.each([
    'https://evil.example/v1.0/users/a',
    'http://graph.microsoft.com/v1.0/users/a',
    'https://graph.microsoft.com:8443/v1.0/users/a',
    'https://graph.microsoft.com/beta/users/a',
    'not a url',
  ])('refuses %p: another host, scheme, port or version', (link) => {
    expect(() => new GraphEndpoint('https://graph.microsoft.com').pathOf(link)).toThrow(GraphLinkRefused);
  });

  test('refuses a base URL that is not http(s)', () => {
    expect(() => new GraphEndpoint('ftp://graph.microsoft.com')).toThrow(RangeError);
  });
});

describe('mailboxOf', () => {
  test('is the user of /users/{id}/…, lower-cased and decoded', () => {
    expect(mailboxOf('/users/Avery.Chen%40contoso.com/calendarView/delta?x=1')).toBe(
      'avery.chen@contoso.com',
    );
    expect(mailboxOf('/users/ABC?$select=id')).toBe('abc');
  });

  test('is null for requests about no one mailbox', () => {
    expect(mailboxOf('/users?$top=5')).toBeNull();
    expect(mailboxOf('/$batch')).toBeNull();
  });
});
