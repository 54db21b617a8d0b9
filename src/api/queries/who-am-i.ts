import { careerError } from '../../core/errors';
import type { Store } from '../../ports/store';
import type { ApiProfile } from '../api-options';
import type { DemoPeopleResponse, MeResponse, PersonSummary } from '../contract/api-types';
import { personSummary } from './name-book';

// Read-only queries for the API's own needs (no use case answers them yet); they never write.

export async function whoAmI(store: Store, personId: string, profile: ApiProfile): Promise<MeResponse> {
  const person = await store.getPerson(personId);
  if (!person)
    throw careerError(
      'not_found',
      'You are not known to Career Conversations yet. Try again in a few minutes.',
    );
  const [manager, reports] = await Promise.all([
    person.managerId ? store.getPerson(person.managerId) : Promise.resolve(null),
    store.listReports(personId),
  ]);
  return {
    person: { ...personSummary(person), timeZone: person.timeZone, workingHours: person.workingHours },
    manager: manager ? personSummary(manager) : null,
    hasReports: reports.length > 0,
    profile,
  };
}

/** Everyone in the demo organisation, for the "view as" picker: managers first, then by name. */
export async function demoPeople(store: Store): Promise<DemoPeopleResponse> {
  const people = await store.listPeople();
  const byId = new Map(people.map((p) => [p.id, p]));
  const reportCount = new Map<string, number>();
  for (const p of people)
    if (p.managerId) reportCount.set(p.managerId, (reportCount.get(p.managerId) ?? 0) + 1);
  return {
    people: people
      .map((p) => ({
        ...personSummary(p),
        managerName: (p.managerId ? byId.get(p.managerId)?.displayName : undefined) ?? null,
        reportCount: reportCount.get(p.id) ?? 0,
      }))
      .sort(
        (a, b) =>
          Number(b.reportCount > 0) - Number(a.reportCount > 0) || a.displayName.localeCompare(b.displayName),
      ),
  };
}

/** People whose name (any word of it) or address starts with the query; never the searcher. */
export async function searchStorePeople(
  store: Store,
  personId: string,
  query: string,
  top = 10,
): Promise<PersonSummary[]> {
  const q = query.trim().toLowerCase();
  const matches = (await store.listPeople()).filter((p) => {
    if (p.id === personId) return false;
    const words = p.displayName.toLowerCase().split(/\s+/);
    return (
      p.displayName.toLowerCase().startsWith(q) ||
      words.some((w) => w.startsWith(q)) ||
      p.email.toLowerCase().startsWith(q)
    );
  });
  return matches
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, top)
    .map(personSummary);
}
