import type { Activity } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { OutgoingMessage } from './outgoing-message';

/** A Bot Framework message activity for an outgoing message. */
export function messageActivity(message: OutgoingMessage): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message' };
  if (message.text !== undefined) activity.text = message.text;
  if (message.summary !== undefined) activity.summary = message.summary;
  if (message.card) activity.attachments = [CardFactory.adaptiveCard(message.card)];
  return activity;
}
