import type { StoredReference } from '../conversations/conversation-reference';
import type { OutgoingMessage } from './outgoing-message';

/** The raw proactive send and update of one message, without pacing or retries. */
export interface ChatChannel {
  /** Posts a new message; resolves to its activity id. */
  send(reference: StoredReference, message: OutgoingMessage): Promise<string>;
  /** Replaces a message the bot posted earlier. */
  update(reference: StoredReference, activityId: string, message: OutgoingMessage): Promise<void>;
}
