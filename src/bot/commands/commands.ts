import { pastConversations } from '../../app/views/next-up';
import type { OutgoingMessage } from '../delivery/outgoing-message';
import { helpCard } from '../../cards/help/help-card';
import { noticeCard } from '../../cards/notice/notice-card';
import type { BotServices } from '../turn/bot-services';
import { recapOf } from '../verbs/open-recap-verb';
import { myActionsFor, nextUpFor, settingsFor } from '../views/everyday-cards';
import type { CommandName } from './command-text';

type Command = (services: BotServices, personId: string) => Promise<OutgoingMessage>;

const help: Command = () => Promise.resolve({ card: helpCard({ didNotUnderstand: false }) });

const next: Command = async (services, personId) => ({
  card: await nextUpFor(services, personId),
  summary: 'Your next 1:1',
});

/** The recap of my most recent career conversation: the editor if it is not sent yet, otherwise where it stands. */
const recap: Command = async (services, personId) => {
  const [last] = await pastConversations(services.deps, personId);
  if (!last) {
    return {
      card: noticeCard({
        title: 'No recent 1:1 to recap.',
        text: 'Once a 1:1 with your manager or a curiosity conversation has taken place, I will bring you its recap.',
      }),
    };
  }
  const reply = await recapOf(services, personId, last.oneOnOne.id);
  return reply.kind === 'card' ? { card: reply.card, summary: 'Your recap' } : { text: reply.message };
};

const actions: Command = async (services, personId) => ({
  card: await myActionsFor(services, personId),
  summary: 'Your actions',
});

const settings: Command = async (services, personId) => ({
  card: await settingsFor(services, personId),
  summary: 'Your settings',
});

export const COMMANDS: Readonly<Record<CommandName, Command>> = { help, next, recap, actions, settings };

/** What to answer text I do not understand: never silence, always the list of commands. */
export function notUnderstood(): OutgoingMessage {
  return { card: helpCard({ didNotUnderstand: true }) };
}
