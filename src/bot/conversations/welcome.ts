import type { TurnContext } from 'botbuilder';
import { welcomeCard } from '../../cards/welcome/welcome-card';
import { messageActivity } from '../delivery/message-activity';
import type { Actor } from '../turn/actor';
import type { BotServices } from '../turn/bot-services';
import { rememberConversation } from './remember-conversation';

/**
 * First contact (installationUpdate add, or conversationUpdate with members added): remember the conversation,
 * and welcome the person once per installation even when Teams sends both activities at the same moment.
 */
export async function welcome(services: BotServices, context: TurnContext, actor: Actor): Promise<void> {
  const remembered = await rememberConversation(services, actor, context.activity);
  if (!remembered?.newlyInstalled) return;
  const { store, clock } = services.deps;
  const key = `welcome:${actor.personId}:${remembered.installationKey}`;
  const holder = context.activity.id ?? 'welcome';
  if (!(await store.claim(key, holder, clock.now()))) return;
  try {
    await context.sendActivity(
      messageActivity({
        card: welcomeCard({ displayName: actor.name, known: remembered.personKnown }),
        summary: 'Welcome to Career Conversations',
      }),
    );
  } catch (error) {
    // Not sent: the claim goes back so Teams' redelivery welcomes them (if the release fails, it lapses).
    await store.releaseClaim(key, holder).catch(() => false);
    throw error;
  }
  // Sent: the claim is never given back, so a failure to complete it cannot bring a second welcome (an
  // uncompleted claim just lapses after its lease, long after Teams has stopped redelivering the activity).
  await store.completeClaim(key, holder);
}

/** The app was removed: stop prompting this person (their records stay until they ask for deletion). */
export async function farewell(services: BotServices, actor: Actor): Promise<void> {
  await services.deps.store.markUninstalled(actor.personId, services.deps.clock.now().toISOString());
  services.logger.info({}, 'bot.uninstalled');
}
