import type { MeetingBody } from '../office/meeting-item';
import type { InvitationAgenda } from './agenda-block';
import { renderAgendaBlock, replaceAgendaBlock } from './agenda-block';

export type InsertOutcome = 'added' | 'replaced';

/**
 * Puts the agenda at the top of the invitation. The first time it is prepended (nothing else is touched);
 * after that the earlier block is replaced in place, so inserting again never duplicates it.
 */
export async function addAgendaToInvitation(
  body: MeetingBody,
  agenda: InvitationAgenda,
): Promise<InsertOutcome> {
  const type = await body.type();
  const block = renderAgendaBlock(agenda, type);
  const current = await body.get(type);
  const replaced = replaceAgendaBlock(current, block, type);
  if (replaced !== null) {
    await body.set(replaced, type);
    return 'replaced';
  }
  await body.prepend(type === 'text' ? `${block}\n\n` : block, type);
  return 'added';
}
