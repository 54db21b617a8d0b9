/** Small helpers shared by the generated and the hand-written demo organisations to describe meetings. */
import type { ExternalGuest, NewMeetingSeries, Participant, Room, SeriesAttendee } from './organisation';
import type { SeededRandom } from './seeded-random';
import { localDayNumber, weekdayOf } from './time-zones';

type Required_ = Pick<
  NewMeetingSeries,
  | 'kind'
  | 'subject'
  | 'organizer'
  | 'attendees'
  | 'zone'
  | 'firstDay'
  | 'minuteOfDay'
  | 'durationMinutes'
  | 'createdMs'
>;

/** A meeting series with quiet defaults: single meeting, no room, no twists. */
export function meeting(fields: Required_ & Partial<NewMeetingSeries>): NewMeetingSeries {
  return {
    room: null,
    intervalWeeks: 0,
    occurrenceCount: null,
    asSingleInvites: false,
    isAllDay: false,
    showAs: 'busy',
    localTimesByDefault: false,
    organizerListedAsAttendee: false,
    moveRate: 0,
    cancelRate: 0,
    declineRate: 0,
    fixedVariations: null,
    addedAtChange: 0,
    awaitingResponse: false,
    ...fields,
  };
}

export function person(index: number): Participant {
  return { kind: 'person', index };
}

export function guest(value: ExternalGuest): Participant {
  return { kind: 'guest', ...value };
}

export function required(who: Participant): SeriesAttendee {
  return { who, type: 'required' };
}

export function optional(who: Participant): SeriesAttendee {
  return { who, type: 'optional' };
}

/** The first local day on or after `day` that falls on `weekday` (0 = Sunday). */
export function onOrAfterWeekday(day: number, weekday: number): number {
  return day + ((weekday - weekdayOf(day) + 7) % 7);
}

/** A weekday slot inside working hours, `weeksBack` weeks before `createdMs`, for a recurring series. */
export function pastWeeklySlot(
  random: SeededRandom,
  zone: string,
  createdMs: number,
  weeksBack: number,
): { firstDay: number; minuteOfDay: number } {
  const weekday = random.int(1, 6);
  const minuteOfDay = 9 * 60 + 30 * random.int(0, 15);
  const firstDay = onOrAfterWeekday(localDayNumber(createdMs, zone) - 7 * weeksBack, weekday);
  return { firstDay, minuteOfDay };
}

const ROOM_NAMES = ['Harbour', 'Lighthouse', 'Summit', 'Atlas', 'Juniper', 'Cedar', 'Aurora', 'Meridian'];

export function roomFor(random: SeededRandom, office: string, domain: string): Room {
  const floor = random.int(1, 6);
  const number = random.int(1, 30).toString().padStart(2, '0');
  const name = random.pick(ROOM_NAMES);
  const slug = office.toLowerCase().replace(/[^a-z]+/g, '');
  return {
    name: `${office} ${floor}.${number} ${name}`,
    address: `room-${slug}-${floor}${number}@${domain}`,
  };
}
