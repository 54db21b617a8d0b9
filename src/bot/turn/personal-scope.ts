import type { Activity } from 'botbuilder';

/**
 * Whether the activity comes from a one-to-one chat with the bot. Agendas, notes, recaps and actions are
 * personal: the bot never answers about them, nor keeps a conversation to prompt in, anywhere else.
 */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation as { conversationType?: unknown; isGroup?: unknown } | undefined;
  if (!conversation) return false;
  if (conversation.conversationType !== undefined) return conversation.conversationType === 'personal';
  return conversation.isGroup !== true;
}
