import type { IncomingMessage } from 'node:http';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { isLoopbackUrl } from './loopback';

export const MAX_ACTIVITY_BYTES = 1024 * 1024;

const id = z.object({ id: z.string().min(1).max(1024) });

/** The least an activity must carry before the adapter sees it (who, where, and where to answer). */
const activityShape = z.object({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2048),
  conversation: id,
  from: id,
  recipient: id,
});

type Body = Partial<
  Record<'type' | 'channelId' | 'serviceUrl' | 'conversation' | 'from' | 'recipient', unknown>
>;

export type ActivityRead =
  { ok: true; activity: Activity } | { ok: false; status: 400 | 413 | 415; code: string; message: string };

/** Reads and checks the request body; anything malformed is a 4xx with a reason, never an exception. */
export async function readActivity(
  req: IncomingMessage,
  options: { loopbackServiceUrlOnly: boolean },
): Promise<ActivityRead> {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && !/^application\/(.+\+)?json\b/i.test(contentType)) {
    return {
      ok: false,
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send the activity as application/json.',
    };
  }
  if (Number(req.headers['content-length'] ?? '0') > MAX_ACTIVITY_BYTES) return tooLarge();
  const raw = await readBody(req);
  if (raw === null) return tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return { ok: false, status: 400, code: 'malformed_json', message: 'The request body is not valid JSON.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      status: 400,
      code: 'malformed_activity',
      message: 'The activity must be a JSON object.',
    };
  }
  // Only the fields checked here are parsed (no copy of the whole activity); the adapter gets the body as sent.
  const { type, channelId, serviceUrl, conversation, from, recipient } = body as Body;
  const parsed = activityShape.safeParse({
    type,
    channelId,
    serviceUrl,
    conversation: idOf(conversation),
    from: idOf(from),
    recipient: idOf(recipient),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'body';
    return {
      ok: false,
      status: 400,
      code: 'malformed_activity',
      message: `The activity is missing or has a bad ${where}.`,
    };
  }
  if (options.loopbackServiceUrlOnly && !isLoopbackUrl(parsed.data.serviceUrl)) {
    return {
      ok: false,
      status: 400,
      code: 'service_url_not_local',
      message: 'In the demo profile the serviceUrl must be on this machine.',
    };
  }
  return { ok: true, activity: withDates(body as Record<string, unknown>) };
}

/**
 * The whole request body, or null once it grows past MAX_ACTIVITY_BYTES (the rest is read and dropped, so the
 * refusal still goes out on the same connection). Rejects when the client goes away before the end. Plain
 * listeners, not `for await`: the stream's async iterator costs every activity a few objects and promises more.
 */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_ACTIVITY_BYTES) {
        chunks.push(chunk);
        return;
      }
      stop();
      req.resume();
      resolve(null);
    };
    const onEnd = (): void => {
      stop();
      resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    const onClose = (): void => {
      stop();
      reject(new Error('The client closed the connection before the activity was read.'));
    };
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * The body as botbuilder's own HTTP entry point hands it on (`validateAndFixActivity`): its three ISO times
 * become Dates, each keeping the text it came as (`rawTimestamp`, ...), which is what the `Activity` type says.
 */
function withDates(body: Record<string, unknown>): Activity {
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = body[field];
    if (typeof value !== 'string') continue;
    body[raw] = value;
    body[field] = new Date(value);
  }
  return body as unknown as Activity;
}

function tooLarge(): ActivityRead {
  return {
    ok: false,
    status: 413,
    code: 'body_too_large',
    message: `The activity is larger than ${MAX_ACTIVITY_BYTES / 1024} KiB.`,
  };
}

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? { id: (value as { id?: unknown }).id } : value;
}
