import { z } from 'zod';
import { agendaEditorFor } from '../views/agenda-editor';
import { cardReply } from './card-reply';
import type { VerbHandler } from './verb-data';
import { readData, recordIdField } from './verb-data';

const data = z.object({ oneOnOneId: recordIdField });

export const openAgendaVerb: VerbHandler = async (context) => {
  const { oneOnOneId } = readData(data, context.data);
  return cardReply(await agendaEditorFor(context.services, context.actor, oneOnOneId));
};
