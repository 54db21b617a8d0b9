import { z } from 'zod';
import { sharedAgendaFor } from '../../app/agenda/read-shared-agenda';
import { sharedAgendaView, withdrawnAgendaView } from '../views/shared-agenda-view';
import { cardReply } from './card-reply';
import type { VerbHandler } from './verb-data';
import { readData, recordIdField } from './verb-data';

const data = z.object({ ownerId: recordIdField, oneOnOneId: recordIdField });

/**
 * Universal Actions refresh of the shared agenda card, for the person it is shared with: the agenda as it stands
 * now while they may read it (`sharedAgendaFor`). Anyone else, including whoever it was shared with before the
 * 1:1 moved to someone else, gets the card that says it is no longer shared, with none of the agenda: so a card
 * whose update was lost never shows more than its reader may see.
 */
export const refreshSharedAgendaVerb: VerbHandler = async (context) => {
  const { ownerId, oneOnOneId } = readData(data, context.data);
  const { services, actor } = context;
  const shared = await sharedAgendaFor(services.deps, actor.personId, ownerId, oneOnOneId);
  if (!shared) return cardReply((await withdrawnAgendaView(services, ownerId)).card);
  return cardReply((await sharedAgendaView(services, shared.agenda, shared.oneOnOne, actor)).card);
};
