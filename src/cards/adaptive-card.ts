/** An Adaptive Card as JSON: what the templates produce and what the bot sends. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardRefresh;
  [property: string]: unknown;
}

export type CardElement = Record<string, unknown>;

/** Universal Actions refresh: Teams asks the bot for a fresh view when one of `userIds` opens the card. */
export interface CardRefresh {
  action: { type: 'Action.Execute'; verb: string; data: Record<string, unknown> };
  userIds: string[];
}

/** Highest schema version Teams renders everywhere (Action.Execute needs 1.4). */
export const CARD_VERSION = '1.5';

export type NoticeTone = 'good' | 'attention' | 'warning' | 'accent';

/** A one-line message shown at the top of a card after an action (saved, refused, out of date...). */
export interface CardNotice {
  text: string;
  tone: NoticeTone;
}

/** The notice fields every template reads; empty text hides the banner. */
export function noticeFields(notice: CardNotice | null | undefined): {
  noticeText: string;
  noticeStyle: NoticeTone;
} {
  return { noticeText: notice?.text ?? '', noticeStyle: notice?.tone ?? 'accent' };
}
