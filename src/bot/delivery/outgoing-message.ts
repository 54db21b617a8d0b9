import type { AdaptiveCard } from '../../cards/adaptive-card';

/** What the bot posts in chat: a card, a line of text, or both. */
export interface OutgoingMessage {
  card?: AdaptiveCard;
  text?: string;
  /** Shown in notifications and the chat list instead of "sent a card". */
  summary?: string;
}
