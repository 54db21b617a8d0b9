import type { Person } from '../../core';
import { normaliseAddress } from '../../core';
import type { DocumentStore } from '../../ports/document-store';
import { COLLECTIONS, DIRECTORY_PARTITION } from './collections';
import { followIndex, valueOf } from './index-reads';

interface PersonPointer {
  personId: string;
}

/** The people directory, with look-ups by e-mail address and by manager. */
export class PeopleRecords {
  constructor(private readonly documents: DocumentStore) {}

  /**
   * Index entries first, the person last: a person on record always has the index entries of their e-mail
   * and manager (a crash in between leaves only an entry pointing at nothing newer, which readers skip), so
   * an entry that a stored version already has is not written again.
   */
  async save(person: Person): Promise<void> {
    if (person.id.length === 0) throw new RangeError('A person needs an id.');
    const previous = await this.get(person.id);
    const pointer: PersonPointer = { personId: person.id };
    const email = normaliseAddress(person.email);
    const previousEmail = previous ? normaliseAddress(previous.email) : '';
    const writes: Promise<unknown>[] = [];
    if (email.length > 0 && email !== previousEmail) {
      writes.push(this.documents.put(COLLECTIONS.peopleByEmail, email, person.id, pointer));
    }
    if (person.managerId !== null && person.managerId !== previous?.managerId) {
      writes.push(this.documents.put(COLLECTIONS.reports, person.managerId, person.id, pointer));
    }
    await Promise.all(writes);
    await this.documents.put(COLLECTIONS.people, DIRECTORY_PARTITION, person.id, person);

    const stale: Promise<unknown>[] = [];
    if (previousEmail.length > 0 && previousEmail !== email) {
      stale.push(this.documents.delete(COLLECTIONS.peopleByEmail, previousEmail, person.id));
    }
    if (previous?.managerId != null && previous.managerId !== person.managerId) {
      stale.push(this.documents.delete(COLLECTIONS.reports, previous.managerId, person.id));
    }
    await Promise.all(stale);
  }

  get(personId: string): Promise<Person | null> {
    if (personId.length === 0) return Promise.resolve(null);
    return valueOf<Person>(this.documents, COLLECTIONS.people, DIRECTORY_PARTITION, personId);
  }

  async findByEmail(email: string): Promise<Person | null> {
    const address = normaliseAddress(email);
    if (address.length === 0) return null;
    const entries = await this.documents.list<PersonPointer>(COLLECTIONS.peopleByEmail, address);
    const people = await followIndex(
      entries,
      (entry) => this.get(entry.value.personId),
      (person) => normaliseAddress(person.email) === address,
    );
    return people[0] ?? null;
  }

  async listReports(managerId: string): Promise<Person[]> {
    if (managerId.length === 0) return [];
    const entries = await this.documents.list<PersonPointer>(COLLECTIONS.reports, managerId);
    const reports = await followIndex(
      entries,
      (entry) => this.get(entry.value.personId),
      (person) => person.managerId === managerId,
    );
    return reports.sort(byName);
  }

  async list(): Promise<Person[]> {
    const all = await this.documents.list<Person>(COLLECTIONS.people, DIRECTORY_PARTITION);
    return all.map((doc) => doc.value).sort(byName);
  }

  /** Removes the person and their own index entries; false when there was no such person. */
  async delete(personId: string): Promise<boolean> {
    const person = await this.get(personId);
    if (!person) return false;
    const email = normaliseAddress(person.email);
    if (email.length > 0) await this.documents.delete(COLLECTIONS.peopleByEmail, email, personId);
    if (person.managerId !== null)
      await this.documents.delete(COLLECTIONS.reports, person.managerId, personId);
    await this.documents.delete(COLLECTIONS.people, DIRECTORY_PARTITION, personId);
    return true;
  }
}

function byName(a: Person, b: Person): number {
  return a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
