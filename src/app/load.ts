import { careerError } from '../core/errors';
import type { OneOnOne } from '../core/one-on-one';
import type { Person } from '../core/person';
import type { Store } from '../ports/store';

export async function requirePerson(store: Store, id: string): Promise<Person> {
  const person = await store.getPerson(id);
  if (!person) throw careerError('not_found', 'That person is not known to Career Conversations yet.');
  return person;
}

/** A 1:1 the actor owns; anyone else gets the same answer as for a 1:1 that does not exist. */
export async function requireOwnOneOnOne(
  store: Store,
  actorId: string,
  oneOnOneId: string,
): Promise<OneOnOne> {
  const oneOnOne = await store.getOneOnOne(oneOnOneId);
  if (!oneOnOne || oneOnOne.ownerId !== actorId) {
    throw careerError('not_found', 'That 1:1 is not on your calendar.');
  }
  return oneOnOne;
}
