import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import { z } from 'zod';

/** The parts of a Bot Framework conversation reference the bot needs to reach a person again. */
const storedReference = z.looseObject({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({
    id: z.string().min(1),
    tenantId: z.string().optional(),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
    name: z.string().optional(),
  }),
  user: z
    .looseObject({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() })
    .optional(),
  bot: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  locale: z.string().optional(),
});

export type StoredReference = z.infer<typeof storedReference>;

/** The reference to keep for the person who sent this activity (tenant id copied from channel data). */
export function referenceFrom(activity: Partial<Activity>): StoredReference | null {
  const reference = TurnContext.getConversationReference(activity);
  const tenantId = tenantOf(activity);
  const candidate = {
    ...reference,
    conversation: reference.conversation
      ? { ...reference.conversation, tenantId: reference.conversation.tenantId ?? tenantId }
      : undefined,
  };
  const parsed = storedReference.safeParse(JSON.parse(JSON.stringify(candidate)) as unknown);
  return parsed.success ? parsed.data : null;
}

/** A stored reference read back from the store (opaque there), or null when it is not one. */
export function readReference(value: unknown): StoredReference | null {
  const parsed = storedReference.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** In the shape botbuilder's continueConversationAsync wants. */
export function toConversationReference(reference: StoredReference): Partial<ConversationReference> {
  const { conversation } = reference;
  return {
    ...reference,
    conversation: {
      ...conversation,
      id: conversation.id,
      name: conversation.name ?? '',
      isGroup: conversation.isGroup ?? false,
      conversationType: conversation.conversationType ?? 'personal',
    },
    user: reference.user ? { ...reference.user, name: reference.user.name ?? '' } : undefined,
    bot: reference.bot ? { ...reference.bot, name: reference.bot.name ?? '' } : undefined,
  };
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return activity.conversation?.tenantId ?? fromChannel;
}
