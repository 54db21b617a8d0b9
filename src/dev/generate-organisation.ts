/**
 * A seeded organisation of any size (12 for a demo, 10,000+ for the bench): a manager tree with a span
 * of 5-8, offices in several time zones, and calendars full of realistic meetings relative to `now`.
 * Only the meeting rules are stored; occurrences are expanded on demand (see `calendar-view.ts`).
 */
import {
  guest,
  meeting,
  onOrAfterWeekday,
  optional,
  pastWeeklySlot,
  person,
  required,
  roomFor,
} from './meeting-series-builders';
import { addSeries, newOrganisation, personAt } from './organisation';
import type { Organisation, Person, SeriesAttendee, WorkingHours } from './organisation';
import { SeededRandom, mixHash, stableGuid } from './seeded-random';
import { localDayNumber, windowsZoneFor } from './time-zones';
import {
  DEPARTMENTS,
  DEPARTMENT_NAMES,
  GIVEN_NAMES,
  OFFICES,
  PARTNER_COMPANIES,
  SURNAMES,
} from './company-catalogue';

export interface GenerateOrganisationOptions {
  /** Number of people (default 12). */
  size?: number;
  /** Default 1. */
  seed?: number;
  /** The moment calendars are generated around. */
  now: Date;
  /** Default `contoso.example`. */
  domain?: string;
}

export const MAX_ORGANISATION_SIZE = 200_000;

const STANDARD_HOURS: WorkingHours = {
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
};
const EARLY_HOURS: WorkingHours = { ...STANDARD_HOURS, startMinute: 8 * 60, endMinute: 16 * 60 + 30 };

const STAGE_PEOPLE = 1;
const STAGE_ONE_ON_ONES = 2;
const STAGE_TEAMS = 3;
const STAGE_COFFEES = 4;
const STAGE_DAYS_OUT = 5;
const STAGE_EXTERNAL = 6;

function managerTree(size: number, random: SeededRandom): (number | null)[] {
  const managers: (number | null)[] = [null];
  const queue: number[] = [0];
  let next = 1;
  while (next < size) {
    const manager = queue.shift();
    if (manager === undefined) break;
    const span = random.int(5, 9);
    for (let i = 0; i < span && next < size; i++) {
      managers.push(manager);
      queue.push(next);
      next++;
    }
  }
  return managers;
}

function peopleOf(size: number, seed: number, domain: string): Person[] {
  const random = new SeededRandom(mixHash(seed, STAGE_PEOPLE));
  const managers = managerTree(size, random);
  const reports: number[][] = managers.map(() => []);
  managers.forEach((manager, index) => {
    if (manager !== null) reports[manager]?.push(index);
  });
  const departments: string[] = [];
  const offices: (typeof OFFICES)[number][] = [];
  const usedNames = new Set<string>();
  const people: Person[] = [];
  for (let index = 0; index < size; index++) {
    const manager = managers[index] ?? null;
    const department =
      manager === null
        ? 'Executive'
        : manager === 0
          ? (DEPARTMENT_NAMES[(index - 1) % DEPARTMENT_NAMES.length] ?? 'Engineering')
          : (departments[manager] ?? 'Engineering');
    departments.push(department);
    const office =
      manager === null || random.chance(0.3) ? random.pick(OFFICES) : (offices[manager] ?? OFFICES[0]);
    offices.push(office);
    const givenName = random.pick(GIVEN_NAMES);
    const surname = random.pick(SURNAMES);
    const base = `${givenName}.${surname}`.toLowerCase();
    let handle = base;
    for (let n = 2; usedNames.has(handle); n++) handle = `${base}${n}`;
    usedNames.add(handle);
    const isManager = (reports[index]?.length ?? 0) > 0;
    const jobTitle =
      manager === null
        ? 'Chief Executive Officer'
        : isManager
          ? manager === 0
            ? `VP ${department}`
            : `${department} Manager`
          : random.pick(DEPARTMENTS[department] ?? ['Specialist']);
    const upn = `${handle}@${domain}`;
    people.push({
      index,
      id: stableGuid(seed, STAGE_PEOPLE, index),
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      mail: upn,
      userPrincipalName: upn,
      jobTitle,
      department,
      officeLocation: office.name,
      managerIndex: manager,
      reportIndexes: reports[index] ?? [],
      mailboxTimeZone: random.chance(0.2) ? office.zone : windowsZoneFor(office.zone),
      zone: office.zone,
      workingHours: random.chance(0.25) ? EARLY_HOURS : STANDARD_HOURS,
    });
  }
  return people;
}

function oneOnOneSubject(random: SeededRandom, a: Person, b: Person, weekly: boolean): string {
  const templates = [
    `${a.givenName} / ${b.givenName} 1:1`,
    `1:1 ${a.givenName} <> ${b.givenName}`,
    `${a.givenName} & ${b.givenName} ${weekly ? 'weekly' : 'fortnightly'}`,
    `Catch-up: ${a.givenName} and ${b.givenName}`,
    '1:1',
  ];
  return random.pick(templates);
}

function addOneOnOnes(org: Organisation): void {
  for (const report of org.people) {
    if (report.managerIndex === null) continue;
    const manager = personAt(org, report.managerIndex);
    const random = new SeededRandom(mixHash(org.seed, STAGE_ONE_ON_ONES, report.index));
    const managerOrganizes = random.chance(0.7);
    const organizer = managerOrganizes ? manager : report;
    const counterpart = managerOrganizes ? report : manager;
    const weekly = random.chance(0.6);
    const attendees: SeriesAttendee[] = [required(person(counterpart.index))];
    if (random.chance(0.05) && org.people.length > 2) {
      const third = random.int(0, org.people.length);
      if (third !== report.index && third !== manager.index) attendees.push(optional(person(third)));
    }
    addSeries(
      org,
      meeting({
        kind: 'one-on-one',
        subject: oneOnOneSubject(random, organizer, counterpart, weekly),
        organizer: person(organizer.index),
        attendees,
        zone: organizer.zone,
        ...pastWeeklySlot(random, organizer.zone, org.createdMs, random.int(8, 30)),
        durationMinutes: random.pick([30, 30, 30, 30, 45, 60]),
        intervalWeeks: weekly ? 1 : 2,
        createdMs: org.createdMs - 40 * 7 * 86_400_000,
        room: random.chance(0.2) ? roomFor(random, organizer.officeLocation, org.domain) : null,
        organizerListedAsAttendee: random.chance(0.1),
        localTimesByDefault: organizer.zone !== 'UTC' && random.chance(0.3),
        moveRate: 0.08,
        cancelRate: 0.04,
        declineRate: 0.04,
      }),
    );
  }
}

function addTeamMeetings(org: Organisation): void {
  for (const manager of org.people) {
    if (manager.reportIndexes.length < 2) continue;
    const random = new SeededRandom(mixHash(org.seed, STAGE_TEAMS, manager.index));
    addSeries(
      org,
      meeting({
        kind: 'team-meeting',
        subject: random.pick([
          `${manager.department} team sync`,
          'Team standup (weekly)',
          `${manager.givenName}'s team meeting`,
        ]),
        organizer: person(manager.index),
        attendees: manager.reportIndexes.map((index) => required(person(index))),
        zone: manager.zone,
        ...pastWeeklySlot(random, manager.zone, org.createdMs, random.int(10, 40)),
        durationMinutes: random.pick([45, 60]),
        intervalWeeks: 1,
        createdMs: org.createdMs - 52 * 7 * 86_400_000,
        room: roomFor(random, manager.officeLocation, org.domain),
        organizerListedAsAttendee: random.chance(0.3),
        localTimesByDefault: random.chance(0.3),
        moveRate: 0.03,
        cancelRate: 0.03,
        declineRate: 0.08,
      }),
    );
  }
}

function curiosityPartner(org: Organisation, someone: Person, random: SeededRandom): Person | null {
  for (let attempt = 0; attempt < 6; attempt++) {
    const other = org.people[random.int(0, org.people.length)];
    if (!other || other.index === someone.index) continue;
    if (other.managerIndex === someone.managerIndex) continue;
    if (other.index === someone.managerIndex || other.managerIndex === someone.index) continue;
    return other;
  }
  return null;
}

function addCuriosityCoffees(org: Organisation): void {
  for (const someone of org.people) {
    const random = new SeededRandom(mixHash(org.seed, STAGE_COFFEES, someone.index));
    if (!random.chance(0.5)) continue;
    const other = curiosityPartner(org, someone, random);
    if (!other) continue;
    addSeries(
      org,
      meeting({
        kind: 'curiosity-coffee',
        subject: random.pick([
          `Curiosity coffee: ${someone.givenName} & ${other.givenName}`,
          `Coffee chat with ${other.givenName}`,
          `Learn about ${other.department}`,
        ]),
        organizer: person(someone.index),
        attendees: [required(person(other.index))],
        zone: someone.zone,
        ...pastWeeklySlot(random, someone.zone, org.createdMs, random.int(4, 20)),
        durationMinutes: 30,
        intervalWeeks: random.int(3, 7),
        asSingleInvites: true,
        createdMs: org.createdMs - 30 * 7 * 86_400_000,
        localTimesByDefault: random.chance(0.3),
        moveRate: 0.05,
        cancelRate: 0.05,
        declineRate: 0.05,
      }),
    );
  }
}

function addDaysOut(org: Organisation): void {
  for (const someone of org.people) {
    const random = new SeededRandom(mixHash(org.seed, STAGE_DAYS_OUT, someone.index));
    if (!random.chance(0.6)) continue;
    const outOfOffice = random.chance(0.6);
    const firstDay = onOrAfterWeekday(
      localDayNumber(org.createdMs, someone.zone) - random.int(0, 60),
      random.int(1, 6),
    );
    addSeries(
      org,
      meeting({
        kind: 'all-day',
        subject: outOfOffice ? 'Out of office' : random.pick(['Learning day', 'Conference', 'Hackathon']),
        organizer: person(someone.index),
        attendees: [],
        zone: someone.zone,
        firstDay,
        minuteOfDay: 0,
        durationMinutes: 1440 * random.pick([1, 1, 1, 2]),
        intervalWeeks: random.int(5, 11),
        asSingleInvites: true,
        isAllDay: true,
        showAs: outOfOffice ? 'oof' : 'busy',
        createdMs: org.createdMs - 20 * 7 * 86_400_000,
      }),
    );
  }
}

function addExternalMeetings(org: Organisation): void {
  for (const someone of org.people) {
    const random = new SeededRandom(mixHash(org.seed, STAGE_EXTERNAL, someone.index));
    const roll = random.unit();
    if (roll >= 0.2) continue;
    const partner = random.pick(PARTNER_COMPANIES);
    const guestName = `${random.pick(GIVEN_NAMES)} ${random.pick(SURNAMES)}`;
    const visitor = guest({
      name: `${guestName} (${partner.company})`,
      address: `${guestName.toLowerCase().replace(' ', '.')}@${partner.domain}`,
    });
    const slot = pastWeeklySlot(random, someone.zone, org.createdMs, random.int(4, 20));
    const common = {
      kind: 'external-meeting' as const,
      zone: someone.zone,
      ...slot,
      durationMinutes: 30,
      intervalWeeks: random.pick([2, 4]),
      createdMs: org.createdMs - 25 * 7 * 86_400_000,
      cancelRate: 0.05,
    };
    if (roll < 0.05) {
      // Organised outside the company: on one internal calendar only.
      addSeries(
        org,
        meeting({
          ...common,
          subject: 'Mentoring session',
          organizer: visitor,
          attendees: [required(person(someone.index))],
        }),
      );
      continue;
    }
    const attendees = [required(visitor)];
    const colleague =
      someone.managerIndex === null
        ? undefined
        : personAt(org, someone.managerIndex).reportIndexes.find((i) => i !== someone.index);
    if (colleague !== undefined && random.chance(0.5)) attendees.push(required(person(colleague)));
    addSeries(
      org,
      meeting({
        ...common,
        subject: `${partner.company} partner sync`,
        organizer: person(someone.index),
        attendees,
      }),
    );
  }
}

/** A seeded organisation: same options, same people, same calendars. */
export function generateOrganisation(options: GenerateOrganisationOptions): Organisation {
  const size = options.size ?? 12;
  const seed = options.seed ?? 1;
  const domain = options.domain ?? 'contoso.example';
  if (!Number.isInteger(size) || size < 1 || size > MAX_ORGANISATION_SIZE) {
    throw new RangeError(
      `Organisation size must be a whole number from 1 to ${MAX_ORGANISATION_SIZE}, got ${size}.`,
    );
  }
  if (!Number.isInteger(seed)) throw new RangeError(`Organisation seed must be a whole number, got ${seed}.`);
  const createdMs = options.now.getTime();
  if (Number.isNaN(createdMs)) throw new RangeError('Organisation `now` must be a valid date.');
  const org = newOrganisation({
    name: 'Contoso',
    seed,
    domain,
    createdMs,
    people: peopleOf(size, seed, domain),
  });
  addOneOnOnes(org);
  addTeamMeetings(org);
  addCuriosityCoffees(org);
  addDaysOut(org);
  addExternalMeetings(org);
  return org;
}
