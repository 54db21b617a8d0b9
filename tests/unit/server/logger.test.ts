import { Writable } from 'node:stream';
import { createLogger } from '../../../src/server/logger';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('redacts tokens, secrets and text people wrote, at the top level and nested', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', destination: stream });
    logger.info(
      {
        token: 'eyJ-secret-token',
        headers: { authorization: 'Bearer abc' },
        agenda: { learningFocus: 'my private focus', privateNotes: 'hidden' },
        personId: 'ava',
      },
      'agenda.saved',
    );
    const out = lines.join('');
    expect(out).not.toMatch(/eyJ-secret-token|Bearer abc|my private focus|hidden/);
    expect(out).toContain('"personId":"ava"');
    expect(out).toContain('"event":"agenda.saved"');
  });
});
