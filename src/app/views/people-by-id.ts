import type { Person } from '../../core/person';
import type { AppDeps } from '../deps';

/** People of the organisation by id, for names and time zones on screen (unknown ids are left out). */
export async function peopleById(deps: AppDeps, ids: Iterable<string>): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  const people = await Promise.all(unique.map((id) => deps.store.getPerson(id)));
  const byId = new Map<string, Person>();
  for (const person of people) if (person) byId.set(person.id, person);
  return byId;
}
