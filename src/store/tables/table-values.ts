/**
 * Azure Tables caps a string property at 64 KiB (32 K UTF-16 characters). A document's JSON is therefore split
 * across properties `v0`, `v1`, … of at most `CHUNK_CHARS` characters, with `n` saying how many there are, never
 * cutting a surrogate pair in two. The port's `MAX_DOCUMENT_CHARS` keeps the whole entity within 1 MiB.
 */
export const CHUNK_CHARS = 30_000;

export type ValueProperties = Record<string, string | number>;

export function splitValue(json: string, chunkChars: number = CHUNK_CHARS): ValueProperties {
  const properties: ValueProperties = {};
  let count = 0;
  for (let start = 0; start < json.length || count === 0; count += 1) {
    let end = Math.min(start + chunkChars, json.length);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    properties[`v${count}`] = json.slice(start, end);
    start = end;
  }
  properties['n'] = count;
  return properties;
}

export function joinValue(entity: Record<string, unknown>): string {
  const count = entity['n'];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new Error('A stored document has no value chunks (n); it was not written by this adapter.');
  }
  let json = '';
  for (let i = 0; i < count; i += 1) {
    const chunk = entity[`v${i}`];
    if (typeof chunk !== 'string') throw new Error(`A stored document is missing value chunk v${i}.`);
    json += chunk;
  }
  return json;
}
