import { JsonText, jsonBytesOf, jsonTextOf } from '../../../src/dev/graph-exchange';

describe('jsonTextOf', () => {
  it('splices JSON text parts in where they stand, at any depth', () => {
    const body = {
      responses: [
        { id: '1', body: new JsonText('{"value":[1,"a\\"b"]}') },
        { id: '2', body: null },
      ],
    };
    expect(JSON.parse(jsonTextOf(body))).toEqual({
      responses: [
        { id: '1', body: { value: [1, 'a"b'] } },
        { id: '2', body: null },
      ],
    });
  });

  it('writes a body without text parts as JSON.stringify does', () => {
    const body = { a: 'x\u0000y', b: [1, 2], c: undefined };
    expect(jsonTextOf(body)).toBe(JSON.stringify(body));
    expect(jsonTextOf(new JsonText('[1]'))).toBe('[1]');
  });
});

describe('jsonBytesOf', () => {
  it('gives the UTF-8 bytes of jsonTextOf, with ASCII and non-ASCII parts side by side', () => {
    const bodies: unknown[] = [
      {
        responses: [
          { id: '1', body: new JsonText('{"name":"Tomás 日本 \u{1f600}"}') },
          { id: '2', body: 'é' },
        ],
      },
      {
        responses: [
          { id: '1', body: new JsonText('{"value":[]}') },
          { id: '2', body: new JsonText('[1]') },
        ],
      },
      new JsonText('{"name":"Zoë"}'),
      { error: { code: 'x', message: 'plain' } },
    ];
    for (const body of bodies)
      expect(jsonBytesOf(body).equals(Buffer.from(jsonTextOf(body), 'utf8'))).toBe(true);
  });
});
