import type { AppDeps } from '../../app/deps';
import { careerError } from '../../core/errors';

/** Everything stored about me or written by me, as one JSON document (private notes included: they are mine). */
export async function exportMyData(deps: AppDeps, personId: string): Promise<Record<string, unknown>> {
  const { store } = deps;
  const person = await store.getPerson(personId);
  if (!person) throw careerError('not_found', 'You are not known to Career Conversations yet.');
  const [settings, oneOnOnes, recapsWritten, recapsReceived, asEmployee, owned, asCounterpart] =
    await Promise.all([
      store.getSettings(personId),
      store.listOneOnOnes(personId),
      store.listRecapsByAuthor(personId),
      store.listRecapsForRecipient(personId),
      store.listActionsForEmployee(personId),
      store.listActionsOwnedBy(personId),
      store.listActionsWithCounterpart(personId),
    ]);
  const agendas = [];
  for (const oneOnOne of oneOnOnes) {
    const [agenda, note] = await Promise.all([
      store.getAgenda(personId, oneOnOne.id),
      store.getPrivateNote(personId, oneOnOne.id),
    ]);
    if (agenda || note) agendas.push({ oneOnOneId: oneOnOne.id, agenda, privateNotes: note?.text ?? '' });
  }
  const actions = new Map([...asEmployee, ...owned, ...asCounterpart].map((a) => [a.id, a]));
  return {
    exportedAt: deps.clock.now().toISOString(),
    person,
    settings,
    oneOnOnes,
    agendas,
    recapsWritten,
    recapsReceived,
    actions: [...actions.values()],
  };
}
