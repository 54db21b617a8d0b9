import { useState } from 'react';
import { messageOf } from '../../web/api/api-error';
import { addAgendaToInvitation } from '../agenda/add-agenda-to-invitation';
import { invitationAgendaFrom } from '../agenda/agenda-block';
import { OfficeCallError } from '../office/meeting-item';
import type { ReadyPane } from './MeetingPane.types';

export type InsertState =
  | { kind: 'idle' }
  | { kind: 'inserting' }
  | { kind: 'done'; message: string }
  | { kind: 'nothing'; message: string }
  | { kind: 'error'; message: string };

/** "Add agenda to the invitation": the latest saved agenda, never the private notes, at the top of the body. */
export function useInsertAgenda(pane: ReadyPane): { state: InsertState; insert: () => void } {
  const [state, setState] = useState<InsertState>({ kind: 'idle' });
  const insert = (): void => {
    const body = pane.item.body;
    if (!body) return;
    setState({ kind: 'inserting' });
    const run = async (): Promise<void> => {
      const latest = await pane.api.agenda(pane.oneOnOne.id);
      const agenda = invitationAgendaFrom(latest, pane.me.person.displayName, pane.oneOnOne.counterpart.name);
      if (!agenda) {
        setState({
          kind: 'nothing',
          message: 'There is no agenda to add yet: write what you want to learn first.',
        });
        return;
      }
      const outcome = await addAgendaToInvitation(body, agenda);
      setState({
        kind: 'done',
        message:
          outcome === 'added'
            ? 'The agenda is now at the top of the invitation.'
            : 'The agenda in the invitation is up to date.',
      });
    };
    run().catch((error: unknown) => {
      const message =
        error instanceof OfficeCallError
          ? `Outlook did not accept the change (${error.message}).`
          : messageOf(error);
      setState({ kind: 'error', message });
    });
  };
  return { state, insert };
}
