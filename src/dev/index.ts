/** The local stand-in for Microsoft 365: see `graph-emulator.ts` for the knobs and the delta choices. */
export { startGraphEmulator } from './graph-emulator';
export type { GraphEmulator, GraphEmulatorOptions, GraphEmulatorStats } from './graph-emulator';
export type { FaultKind } from './fault-injection';
export { createDemoOrganisation, listDemoPeople, DEMO_DOMAIN, DEMO_SEED } from './demo-organisation';
export type { DemoPerson } from './demo-organisation';
export { generateOrganisation } from './generate-organisation';
export type { GenerateOrganisationOptions } from './generate-organisation';
export { mutateOrganisation } from './mutate-organisation';
export type { CalendarMutation, CalendarMutationKind, MutateOptions } from './mutate-organisation';
export { calendarBetween } from './calendar-view';
export type { Occurrence } from './calendar-view';
export { renderEvent, iCalUIdFor } from './graph-event-json';
export type { EmulatedGraphEvent } from './graph-event-json';
export type { Organisation, Person, MeetingSeries } from './organisation';
export type { MailboxLimits } from './mailbox-throttle';
