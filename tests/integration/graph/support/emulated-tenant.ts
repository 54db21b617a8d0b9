import type { SyncDeps } from '../../../../src/app/sync/sync-calendars';
import { silentLog } from '../../../../src/app/sync/sync-log';
import type { GraphEvent } from '../../../../src/core/graph-event';
import type { OneOnOne } from '../../../../src/core/one-on-one';
import { oneOnOneId } from '../../../../src/core/one-on-one';
import { detectOneOnOne } from '../../../../src/core/one-on-one-detection';
import type { GraphEmulator, GraphEmulatorOptions, Organisation } from '../../../../src/dev';
import { calendarBetween, renderEvent, startGraphEmulator } from '../../../../src/dev';
import type { GraphAdapters } from '../../../../src/graph/graph-adapters';
import { createGraphAdapters } from '../../../../src/graph/graph-adapters';
import type { GraphGatewayOptions } from '../../../../src/graph/graph-gateway';
import { DEMO_GRAPH_TOKEN, DemoTokenProvider } from '../../../../src/identity/token-provider';
import type { CalendarWindow } from '../../../../src/ports/calendar';
import { noCareerEvents } from '../../../../src/ports/career-events';
import { ManualClock } from '../../../../src/ports/clock';
import { createMemoryCareerStore } from '../../../../src/store/memory/memory-career-store';
import type { CrashingStore } from './crashing-store';
import { crashingStore } from './crashing-store';

export interface EmulatedTenant {
  emulator: GraphEmulator;
  graph: GraphAdapters;
  store: CrashingStore;
  clock: ManualClock;
  deps: SyncDeps;
  close(): Promise<void>;
}

/** The Graph emulator on loopback, our gateway pointed at it with the demo token, and a fresh store. */
export async function startEmulatedTenant(
  now: Date,
  options: GraphEmulatorOptions = {},
  gateway: Partial<GraphGatewayOptions> = {},
): Promise<EmulatedTenant> {
  const clock = new ManualClock(now);
  const emulator = await startGraphEmulator({
    now: () => clock.now(),
    acceptToken: (token) => token === DEMO_GRAPH_TOKEN,
    ...options,
  });
  const graph = createGraphAdapters({
    baseUrl: emulator.baseUrl,
    tokens: new DemoTokenProvider(),
    retry: { baseDelayMs: 10, maxDelayMs: 100 },
    ...gateway,
  });
  const store = crashingStore(createMemoryCareerStore());
  const deps: SyncDeps = {
    store,
    calendar: graph.calendar,
    directory: graph.directory,
    clock,
    logger: silentLog,
    events: noCareerEvents,
  };
  return { emulator, graph, store, clock, deps, close: () => emulator.close() };
}

export interface ExpectedOneOnOne {
  id: string;
  startsAt: string;
  endsAt: string;
  relationship: string;
  counterpart: string;
}

/**
 * The 1:1s the organisation's calendar holds for a person right now, read straight from the emulator's
 * model (the same renderer its HTTP routes use) and run through the core's detection: the oracle the
 * synced store must match.
 */
export function expectedOneOnOnes(
  org: Organisation,
  personIndex: number,
  window: CalendarWindow,
): ExpectedOneOnOne[] {
  const person = org.people[personIndex]!;
  const manager = person.managerIndex === null ? null : org.people[person.managerIndex]!;
  const context = {
    address: person.mail,
    managerAddress: manager?.mail ?? null,
    reportAddresses: person.reportIndexes.map((index) => org.people[index]!.mail),
  };
  return calendarBetween(org, personIndex, Date.parse(window.start), Date.parse(window.end))
    .map((occurrence) =>
      detectOneOnOne(renderEvent(org, occurrence, personIndex, null) as unknown as GraphEvent, context),
    )
    .filter((detection) => detection.isOneOnOne)
    .map((detection) => ({
      id: oneOnOneId(person.id, detection.eventId),
      startsAt: detection.startsAt!,
      endsAt: detection.endsAt!,
      relationship: detection.relationship!,
      counterpart: detection.counterpart!.address,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The scheduled 1:1s the store holds for a person inside a window, in the oracle's shape. */
export async function storedOneOnOnes(
  store: CrashingStore,
  personId: string,
  window?: CalendarWindow,
): Promise<ExpectedOneOnOne[]> {
  return (await store.listOneOnOnes(personId))
    .filter((one) => one.status === 'scheduled')
    .filter((one) => !window || (one.startsAt < window.end && one.endsAt > window.start))
    .map((one) => ({
      id: one.id,
      startsAt: one.startsAt,
      endsAt: one.endsAt,
      relationship: one.relationship,
      counterpart: one.counterpart.address,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Every 1:1 (any status) the store holds, by id. */
export async function allOneOnOnes(t: EmulatedTenant): Promise<Map<string, OneOnOne>> {
  const all = await Promise.all(t.emulator.org.people.map((person) => t.store.listOneOnOnes(person.id)));
  return new Map(all.flat().map((one) => [one.id, one]));
}
