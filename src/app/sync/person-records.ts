import type { Person } from '../../core/person';
import { DEFAULT_WORKING_HOURS } from '../../core/person';
import type { DirectoryUser } from '../../ports/directory';
import type { Store } from '../../ports/store';

export type PeopleStore = Pick<Store, 'getPerson' | 'savePerson' | 'listReports' | 'findPersonByEmail'>;

/**
 * Person records the sync writes during one run: one read-merge-write at a time per person within this
 * process, so a manager saved as someone's acquaintance never overwrites the time zone their own sync just
 * stored; and what was read or written is remembered for the run, so a manager with eight reports is read
 * once, not eight times.
 */
export class PersonRecords {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly byEmail = new Map<string, string | null>();
  private readonly seen = new Map<string, Person | null>();
  /** Acquaintances who are also synced in this run: their own sync writes them (once, in full). */
  private readonly deferred = new Map<string, { user: DirectoryUser; managerId?: string | null }>();
  private readonly selvesSaved = new Set<string>();

  /** `selves`: the people this run syncs (their acquaintance records wait for their own, see `flush`). */
  constructor(
    private readonly store: PeopleStore,
    private readonly selves: ReadonlySet<string> = new Set(),
  ) {}

  /** The person's own record, from the directory and their mailbox settings. */
  saveSelf(person: Person): Promise<void> {
    return this.locked(person.id, async () => {
      const existing = await this.current(person.id);
      if (!existing || !samePerson(existing, person)) await this.write(person);
      this.byEmail.set(person.email.toLowerCase(), person.id);
      this.selvesSaved.add(person.id);
      this.deferred.delete(person.id);
    });
  }

  /**
   * Someone the person works with (their manager, a report). Their own sync owns their time zone and
   * working hours; here only directory facts are written (and `managerId` when it is known from this side).
   */
  saveAcquaintance(user: DirectoryUser, managerId?: string | null): Promise<void> {
    if (this.selves.has(user.id) && !this.selvesSaved.has(user.id)) {
      // Written by their own sync later in this run (or by `flush` if that sync never gets that far).
      const earlier = this.deferred.get(user.id);
      this.deferred.set(user.id, {
        user,
        ...(managerId !== undefined
          ? { managerId }
          : earlier?.managerId !== undefined
            ? { managerId: earlier.managerId }
            : {}),
      });
      this.byEmail.set(user.email.toLowerCase(), user.id);
      return Promise.resolve();
    }
    return this.writeAcquaintance(user, managerId);
  }

  /** Acquaintances whose own sync did not save them in this run get their acquaintance record now. */
  async flush(): Promise<void> {
    const waiting = [...this.deferred.values()];
    this.deferred.clear();
    const results = await Promise.allSettled(
      waiting.map(({ user, managerId }) => this.writeAcquaintance(user, managerId)),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private writeAcquaintance(user: DirectoryUser, managerId?: string | null): Promise<void> {
    return this.locked(user.id, async () => {
      const existing = await this.current(user.id);
      const merged: Person = {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        jobTitle: user.jobTitle,
        managerId: managerId === undefined ? (existing?.managerId ?? null) : managerId,
        timeZone: existing?.timeZone ?? 'UTC',
        workingHours: existing?.workingHours ?? DEFAULT_WORKING_HOURS,
      };
      if (!existing || !samePerson(existing, merged)) await this.write(merged);
      this.byEmail.set(user.email.toLowerCase(), user.id);
    });
  }

  /** Former reports whose record still names this manager lose that link (their own sync sets the new one). */
  async detachFormerReports(managerId: string, currentReportIds: ReadonlySet<string>): Promise<void> {
    const previous = await this.store.listReports(managerId);
    await Promise.all(
      previous
        .filter((report) => !currentReportIds.has(report.id))
        .map((report) =>
          this.locked(report.id, async () => {
            const fresh = await this.current(report.id);
            if (fresh?.managerId === managerId) await this.write({ ...fresh, managerId: null });
          }),
        ),
    );
  }

  /** The object id of a known person with this address (cached for the run). */
  async idOf(address: string): Promise<string | null> {
    const key = address.toLowerCase();
    const cached = this.byEmail.get(key);
    if (cached !== undefined) return cached;
    const person = await this.store.findPersonByEmail(key);
    this.byEmail.set(key, person?.id ?? null);
    return person?.id ?? null;
  }

  private async current(id: string): Promise<Person | null> {
    const known = this.seen.get(id);
    if (known !== undefined) return known;
    const stored = await this.store.getPerson(id);
    this.seen.set(id, stored);
    return stored;
  }

  private async write(person: Person): Promise<void> {
    await this.store.savePerson(person);
    this.seen.set(person.id, person);
  }

  private locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    const before = this.locks.get(id) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.catch(() => undefined);
    this.locks.set(id, settled);
    void settled.then(() => {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    });
    return run;
  }
}

function samePerson(a: Person, b: Person): boolean {
  return (
    a.email === b.email &&
    a.displayName === b.displayName &&
    a.jobTitle === b.jobTitle &&
    a.managerId === b.managerId &&
    a.timeZone === b.timeZone &&
    a.workingHours.start === b.workingHours.start &&
    a.workingHours.end === b.workingHours.end &&
    a.workingHours.days.join(',') === b.workingHours.days.join(',')
  );
}
