import { detectOneOnOne } from '../../src/core/one-on-one-detection';
import type { GraphEvent } from '../../src/core/graph-event';
import type { GraphGateway } from '../../src/graph/graph-gateway';
import { okBody } from '../../src/graph/graph-gateway';
import type { CalendarWindow } from '../../src/ports/calendar';

export interface NaiveResult {
  users: number;
  events: number;
  oneOnOnes: number;
  failedUsers: number;
}

interface NaivePerson {
  id: string;
  address: string;
}

/**
 * The Microsoft-sample way: for each person one `GET /users/{id}/calendarView?startDateTime&endDateTime`
 * at Graph's default page size (10), following `@odata.nextLink` to the end; four people at a time; no
 * batching, no delta. Same transport (auth, Retry-After) as ours, so only the strategy differs.
 */
export async function naiveCalendarSync(
  gateway: GraphGateway,
  people: readonly NaivePerson[],
  window: CalendarWindow,
  parallel = 4,
): Promise<NaiveResult> {
  const result: NaiveResult = { users: people.length, events: 0, oneOnOnes: 0, failedUsers: 0 };
  const query = `startDateTime=${encodeURIComponent(window.start)}&endDateTime=${encodeURIComponent(window.end)}`;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < people.length) {
      const person = people[next++]!;
      try {
        let link: string | undefined = `/users/${encodeURIComponent(person.id)}/calendarView?${query}`;
        while (link) {
          const page = okBody(await gateway.getUnbatched({ path: link })) as {
            value: GraphEvent[];
            '@odata.nextLink'?: string;
          };
          result.events += page.value.length;
          for (const event of page.value)
            if (detectOneOnOne(event, { address: person.address }).isOneOnOne) result.oneOnOnes += 1;
          link = page['@odata.nextLink'];
        }
      } catch {
        result.failedUsers += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, people.length) }, worker));
  return result;
}
