/** Seeded random strings mixing the characters that matter to key encodings. */
const POOL = [
  ...Array.from('aAzZ09-_:@.~|/\\#?%\'" !{}[]^`;<=>+,'),
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u009f',
  'é',
  'ß',
  '\u2028',
  '\ud7ff',
  '\ue000',
  '\uffff',
  '😀',
  '𝄞',
];

export function seededStrings(seed: number, count: number, maxLength: number): string[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * (maxLength + 1));
    let text = '';
    for (let i = 0; i < length; i += 1) text += POOL[Math.floor(next() * POOL.length)] ?? 'a';
    return text;
  });
}

/** Code point order, computed independently of the code under test: compare UTF-8 bytes. */
export function utf8Compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
