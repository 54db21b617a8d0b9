/**
 * The small overlay of changes on top of the generated calendars: moved, cancelled and removed occurrences
 * and a per-person log that delta queries read. Every change gets a number; delta tokens remember the
 * last number a client has seen.
 */

export interface OccurrenceChange {
  /** New start/end when moved. */
  startMs?: number;
  endMs?: number;
  cancelled?: boolean;
  /** Gone from every participant's calendar. */
  removed?: boolean;
  modifiedMs: number;
  change: number;
}

interface LoggedChange {
  change: number;
  series: number;
  k: number;
}

export interface ChangedOccurrence {
  series: number;
  k: number;
}

function keyOf(series: number, k: number): string {
  return `${series}:${k}`;
}

export class CalendarChanges {
  private latest = 0;
  private readonly overrides = new Map<string, OccurrenceChange>();
  private readonly log = new Map<number, LoggedChange[]>();

  /** The number of the latest change (0 before any). */
  get latestChange(): number {
    return this.latest;
  }

  /** Allocates the next change number. */
  nextChange(): number {
    this.latest += 1;
    return this.latest;
  }

  overrideOf(series: number, k: number): OccurrenceChange | undefined {
    if (this.overrides.size === 0) return undefined;
    return this.overrides.get(keyOf(series, k));
  }

  /** Records a change to one occurrence, seen by `members`' calendars. */
  record(
    change: number,
    series: number,
    k: number,
    members: readonly number[],
    update: Omit<OccurrenceChange, 'change'> | null,
  ): void {
    if (update) {
      const previous = this.overrides.get(keyOf(series, k));
      this.overrides.set(keyOf(series, k), { ...previous, ...update, change });
    }
    for (const member of members) {
      let entries = this.log.get(member);
      if (!entries) {
        entries = [];
        this.log.set(member, entries);
      }
      entries.push({ change, series, k });
    }
  }

  /** Occurrences on `person`'s calendar changed in (after, upTo], each once, in order of their last change. */
  changedSince(person: number, after: number, upTo: number): ChangedOccurrence[] {
    const entries = this.log.get(person) ?? [];
    const last = new Map<string, LoggedChange>();
    for (const entry of entries) {
      if (entry.change <= after || entry.change > upTo) continue;
      const key = keyOf(entry.series, entry.k);
      last.delete(key);
      last.set(key, entry);
    }
    return [...last.values()].map(({ series, k }) => ({ series, k }));
  }
}
