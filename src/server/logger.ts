import pino from 'pino';
import type { Logger } from 'pino';

/** Keys whose values are never written to a log: credentials and anything a person typed. */
export const REDACTED_KEYS = [
  'token',
  'accessToken',
  'access_token',
  'idToken',
  'refreshToken',
  'authorization',
  'Authorization',
  'clientSecret',
  'client_secret',
  'secret',
  'password',
  'assertion',
  'text',
  'message',
  'body',
  'comment',
  'learningFocus',
  'privateNotes',
  'topics',
  'asks',
  'subject',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { app: 'career-conversations' },
      redact: { paths, censor: '[redacted]' },
      // pino's own `msg` is the event name we write, never user text.
      messageKey: 'event',
    },
    options.destination,
  );
}

export type { Logger };
