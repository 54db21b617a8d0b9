import { helpCard } from '../../cards/help/help-card';
import { myActionsFor, nextUpFor, settingsFor } from '../views/everyday-cards';
import { cardReply } from './card-reply';
import type { VerbHandler } from './verb-data';

export const openNextUpVerb: VerbHandler = async (context) =>
  cardReply(await nextUpFor(context.services, context.actor.personId));

export const openActionsVerb: VerbHandler = async (context) =>
  cardReply(await myActionsFor(context.services, context.actor.personId));

export const openSettingsVerb: VerbHandler = async (context) =>
  cardReply(await settingsFor(context.services, context.actor.personId));

export const openHelpVerb: VerbHandler = () =>
  Promise.resolve(cardReply(helpCard({ didNotUnderstand: false })));
