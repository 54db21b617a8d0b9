import type { OwnerContext } from '../../core/one-on-one-detection';
import type { Person } from '../../core/person';
import type { Directory, DirectoryUser } from '../../ports/directory';
import type { PeopleStore, PersonRecords } from './person-records';
import { UnknownPersonError } from './sync-failure';

export interface OwnerFacts {
  person: Person;
  /** Who the person's manager and reports are; read from the store only when a round has events to judge. */
  context(): Promise<OwnerContext>;
  /** Directory requests made for this (0 when the stored facts were fresh enough). */
  requests: number;
}

/** Directory requests of a refresh: the person with their manager, their reports, their mailbox settings. */
const DIRECTORY_REQUESTS = 3;

/**
 * Reads the person, their manager, their reports and their mailbox settings from the directory, and
 * writes them down (the person in full; manager and reports as acquaintances).
 */
export async function refreshFromDirectory(
  directory: Directory,
  records: PersonRecords,
  personId: string,
  organisationDomains: readonly string[] | undefined,
  firstRefresh: boolean,
): Promise<OwnerFacts> {
  const [found, reports, mailbox] = await Promise.allSettled([
    directory.getUserAndManager(personId),
    directory.getDirectReports(personId),
    directory.getMailboxSettings(personId),
  ]).then(([found, reports, mailbox]) => {
    // Someone the directory does not know has no mailbox either: say so, rather than "mailbox not found".
    if (found.status === 'fulfilled' && found.value === null) throw new UnknownPersonError();
    return [valueOf(found), valueOf(reports), valueOf(mailbox)] as const;
  });
  if (!found) throw new UnknownPersonError();
  const { user, manager } = found;
  const person: Person = {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    managerId: manager?.id ?? null,
    timeZone: mailbox.timeZone,
    workingHours: mailbox.workingHours,
  };
  await Promise.all([
    records.saveSelf(person),
    manager ? records.saveAcquaintance(manager) : Promise.resolve(),
    ...reports.map((report) => records.saveAcquaintance(report, person.id)),
  ]);
  // Reports can only have gone stale since an earlier refresh.
  if (!firstRefresh)
    await records.detachFormerReports(person.id, new Set(reports.map((report) => report.id)));
  const context = contextOf(person, manager, reports, organisationDomains);
  return { person, context: () => Promise.resolve(context), requests: DIRECTORY_REQUESTS };
}

/** The owner context from what the store already knows (between daily directory refreshes). */
export function storedOwnerFacts(
  store: PeopleStore,
  person: Person,
  organisationDomains: readonly string[] | undefined,
): OwnerFacts {
  let context: Promise<OwnerContext> | null = null;
  const read = async (): Promise<OwnerContext> => {
    const [manager, reports] = await Promise.all([
      person.managerId ? store.getPerson(person.managerId) : Promise.resolve(null),
      store.listReports(person.id),
    ]);
    return contextOf(person, manager, reports, organisationDomains);
  };
  return {
    person,
    context: () => (context ??= read()),
    requests: 0,
  };
}

function valueOf<T>(settled: PromiseSettledResult<T>): T {
  if (settled.status === 'rejected') throw settled.reason;
  return settled.value;
}

function contextOf(
  person: Person,
  manager: Pick<DirectoryUser, 'email'> | null,
  reports: readonly Pick<DirectoryUser, 'email'>[],
  organisationDomains: readonly string[] | undefined,
): OwnerContext {
  const context: OwnerContext = {
    address: person.email,
    managerAddress: manager?.email ?? null,
    reportAddresses: reports.map((report) => report.email),
  };
  if (organisationDomains && organisationDomains.length > 0)
    context.organisationDomains = organisationDomains;
  return context;
}
