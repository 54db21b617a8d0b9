/** What a failed Bot Connector call means for delivery. */
export type DeliveryFailure =
  /** Worth another try after a pause (throttled or a gateway hiccup). */
  | { kind: 'transient'; status: number | null; retryAfterMs: number | null }
  /** The person removed the app, blocked it, or an admin turned it off: stop trying. */
  | { kind: 'unreachable'; status: number }
  /** Anything else: this message is lost, others may still go. */
  | { kind: 'permanent'; status: number | null };

const RETRIED = new Set([412, 429, 502, 504]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const GONE =
  /BotDisabledByAdmin|ConversationBlockedByUser|user has blocked|BotNotInConversationRoster|blocked the bot/i;

interface ConnectorError {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined } };
}

/** Reads the status, error code and Retry-After of an error thrown by the connector client. */
export function classifyDeliveryFailure(error: unknown, now: number): DeliveryFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ConnectorError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : null;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (status === null) {
    return NETWORK.has(code)
      ? { kind: 'transient', status, retryAfterMs: null }
      : { kind: 'permanent', status };
  }
  if (RETRIED.has(status)) return { kind: 'transient', status, retryAfterMs: retryAfterMs(e, now) };
  if (status === 403 || GONE.test(code) || GONE.test(message)) return { kind: 'unreachable', status };
  if (status === 404 && (code === 'ConversationNotFound' || /conversation not found/i.test(message))) {
    return { kind: 'unreachable', status };
  }
  return { kind: 'permanent', status };
}

function retryAfterMs(error: ConnectorError, now: number): number | null {
  let header: string | undefined;
  try {
    header = error.response?.headers?.get?.('retry-after');
  } catch {
    return null;
  }
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
