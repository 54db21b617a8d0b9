import type { Activity } from 'botbuilder';
import { TurnContext } from 'botbuilder';

export type CommandName = 'help' | 'next' | 'recap' | 'actions' | 'settings';

const WORDS: Record<string, CommandName> = {
  help: 'help',
  '?': 'help',
  hi: 'help',
  hello: 'help',
  start: 'help',
  next: 'next',
  'next 1:1': 'next',
  agenda: 'next',
  recap: 'recap',
  actions: 'actions',
  'my actions': 'actions',
  todo: 'actions',
  settings: 'settings',
  preferences: 'settings',
};

/** The command a typed message asks for (the bot's @mention and punctuation removed), or null. */
export function commandOf(activity: Partial<Activity>): CommandName | null {
  const text = (activity.recipient ? TurnContext.removeRecipientMention(activity) : activity.text) ?? '';
  const spaced = text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return WORDS[spaced] ?? WORDS[spaced.replace(/[.!?,;:]+$/, '').trim()] ?? null;
}
