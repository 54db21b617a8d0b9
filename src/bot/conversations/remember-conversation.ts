import type { Activity } from 'botbuilder';
import { ensurePerson } from '../../app/people/ensure-person';
import type { ConversationRecord } from '../../ports/store';
import type { Actor } from '../turn/actor';
import type { BotServices } from '../turn/bot-services';
import type { StoredReference } from './conversation-reference';
import { readReference, referenceFrom } from './conversation-reference';

export interface Remembered {
  /** The app was not installed for this person before (first time, or again after removing it). */
  newlyInstalled: boolean;
  /** When they last removed it ('first' when they never had it): part of the once-only welcome key. */
  installationKey: string;
  personKnown: boolean;
}

/**
 * Keeps how to reach this person (the conversation reference, per Entra object id) and makes sure they are a
 * known person. Called on install and whenever a person writes, so a changed service URL is picked up.
 */
export async function rememberConversation(
  services: BotServices,
  actor: Actor,
  activity: Partial<Activity>,
): Promise<Remembered | null> {
  const reference = referenceFrom(activity);
  if (!reference) return null;
  const { store, clock } = services.deps;
  const existing = await store.getConversation(actor.personId);
  const installed = existing !== null && existing.uninstalledAt === null;
  const { created } = await ensurePerson(services.deps, {
    id: actor.personId,
    displayName: actor.name,
    timeZone: timeZoneOf(activity),
  });
  if (created) services.logger.info({}, 'bot.person.created_from_chat');
  if (!installed || !sameReference(readReference(existing.reference), reference)) {
    const record: ConversationRecord = {
      reference,
      installedAt: installed ? existing.installedAt : clock.now().toISOString(),
      uninstalledAt: null,
    };
    await store.saveConversation(actor.personId, record);
  }
  return {
    newlyInstalled: !installed,
    installationKey: existing?.uninstalledAt ?? 'first',
    personKnown: !created,
  };
}

function sameReference(a: StoredReference | null, b: StoredReference): boolean {
  return (
    a !== null &&
    a.serviceUrl === b.serviceUrl &&
    a.conversation.id === b.conversation.id &&
    a.user?.id === b.user?.id
  );
}

/** The client's time zone, from the activity or its clientInfo entity. */
function timeZoneOf(activity: Partial<Activity>): string | null {
  if (typeof activity.localTimezone === 'string' && activity.localTimezone !== '')
    return activity.localTimezone;
  const clientInfo = activity.entities?.find((entity) => entity.type === 'clientInfo') as
    { timezone?: unknown } | undefined;
  return typeof clientInfo?.timezone === 'string' ? clientInfo.timezone : null;
}
