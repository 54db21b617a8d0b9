import type { Person } from '../../core/person';
import type { Store } from '../../ports/store';
import type { PersonRef, PersonSummary } from '../contract/api-types';

/** Looks people up once per request, so a list of recaps or actions costs one read per person. */
export class NameBook {
  private readonly people = new Map<string, Promise<Person | null>>();

  constructor(private readonly store: Store) {}

  person(id: string): Promise<Person | null> {
    let found = this.people.get(id);
    if (!found) {
      found = this.store.getPerson(id);
      this.people.set(id, found);
    }
    return found;
  }

  async ref(id: string): Promise<PersonRef> {
    const person = await this.person(id);
    return { id, displayName: person?.displayName ?? 'Someone no longer in the directory' };
  }
}

export function personSummary(person: Person): PersonSummary {
  return { id: person.id, displayName: person.displayName, jobTitle: person.jobTitle, email: person.email };
}
