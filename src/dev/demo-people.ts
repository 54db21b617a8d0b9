/** The readable people of the demo organisation (Avery Chen first) and the "view as" list. */
import type { Organisation, Person, WorkingHours } from './organisation';
import { stableGuid } from './seeded-random';
import { windowsZoneFor } from './time-zones';

export const DEMO_SEED = 20_250;
export const DEMO_DOMAIN = 'contoso.example';

export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  managerId: string | null;
}

export const LA = 'America/Los_Angeles';
export const NY = 'America/New_York';
export const LONDON = 'Europe/London';
export const BERLIN = 'Europe/Berlin';
export const KOLKATA = 'Asia/Kolkata';
export const SYDNEY = 'Australia/Sydney';

export type DemoKey =
  | 'avery'
  | 'jordan'
  | 'sam'
  | 'riley'
  | 'lena'
  | 'priya'
  | 'mateo'
  | 'morgan'
  | 'hana'
  | 'kofi'
  | 'grace'
  | 'elliot';

interface DemoPersonDefinition {
  key: DemoKey;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  office: string;
  zone: string;
  /** Mailbox settings keep the IANA name instead of the Windows one. */
  ianaMailboxZone?: boolean;
  manager: DemoKey | null;
}

export const DEMO_PEOPLE: readonly DemoPersonDefinition[] = [
  {
    key: 'avery',
    givenName: 'Avery',
    surname: 'Chen',
    jobTitle: 'Software Engineer',
    department: 'Engineering',
    office: 'Seattle',
    zone: LA,
    manager: 'jordan',
  },
  {
    key: 'jordan',
    givenName: 'Jordan',
    surname: 'Rivera',
    jobTitle: 'Engineering Manager',
    department: 'Engineering',
    office: 'Seattle',
    zone: LA,
    manager: 'morgan',
  },
  {
    key: 'sam',
    givenName: 'Sam',
    surname: 'Patel',
    jobTitle: 'Senior Software Engineer',
    department: 'Engineering',
    office: 'New York',
    zone: NY,
    manager: 'jordan',
  },
  {
    key: 'riley',
    givenName: 'Riley',
    surname: 'Novak',
    jobTitle: 'Site Reliability Engineer',
    department: 'Engineering',
    office: 'London',
    zone: LONDON,
    manager: 'jordan',
  },
  {
    key: 'lena',
    givenName: 'Lena',
    surname: 'Fischer',
    jobTitle: 'UX Researcher',
    department: 'Design',
    office: 'Berlin',
    zone: BERLIN,
    ianaMailboxZone: true,
    manager: 'priya',
  },
  {
    key: 'priya',
    givenName: 'Priya',
    surname: 'Raman',
    jobTitle: 'Design Manager',
    department: 'Design',
    office: 'Seattle',
    zone: LA,
    manager: 'morgan',
  },
  {
    key: 'mateo',
    givenName: 'Mateo',
    surname: 'Garcia',
    jobTitle: 'Product Designer',
    department: 'Design',
    office: 'New York',
    zone: NY,
    manager: 'priya',
  },
  {
    key: 'morgan',
    givenName: 'Morgan',
    surname: 'Blake',
    jobTitle: 'VP Product & Engineering',
    department: 'Engineering',
    office: 'Seattle',
    zone: LA,
    manager: null,
  },
  {
    key: 'hana',
    givenName: 'Hana',
    surname: 'Sato',
    jobTitle: 'Data Science Manager',
    department: 'Research',
    office: 'Sydney',
    zone: SYDNEY,
    manager: 'morgan',
  },
  {
    key: 'kofi',
    givenName: 'Kofi',
    surname: 'Mensah',
    jobTitle: 'Data Scientist',
    department: 'Research',
    office: 'Bengaluru',
    zone: KOLKATA,
    manager: 'hana',
  },
  {
    key: 'grace',
    givenName: 'Grace',
    surname: 'Okafor',
    jobTitle: 'Staff Engineer',
    department: 'Engineering',
    office: 'London',
    zone: LONDON,
    manager: 'morgan',
  },
  {
    key: 'elliot',
    givenName: 'Elliot',
    surname: 'Brooks',
    jobTitle: 'People Partner',
    department: 'People',
    office: 'New York',
    zone: NY,
    manager: 'morgan',
  },
];

const WORKING_HOURS: WorkingHours = {
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
};

export function demoIndexOf(key: DemoKey): number {
  return DEMO_PEOPLE.findIndex((definition) => definition.key === key);
}

export function demoPeople(): Person[] {
  return DEMO_PEOPLE.map((definition, index) => {
    const mail = `${definition.givenName}.${definition.surname}@${DEMO_DOMAIN}`.toLowerCase();
    return {
      index,
      id: stableGuid(DEMO_SEED, 1, index),
      displayName: `${definition.givenName} ${definition.surname}`,
      givenName: definition.givenName,
      surname: definition.surname,
      mail,
      userPrincipalName: mail,
      jobTitle: definition.jobTitle,
      department: definition.department,
      officeLocation: definition.office,
      managerIndex: definition.manager === null ? null : demoIndexOf(definition.manager),
      reportIndexes: DEMO_PEOPLE.flatMap((other, otherIndex) =>
        other.manager === definition.key ? [otherIndex] : [],
      ),
      mailboxTimeZone: definition.ianaMailboxZone ? definition.zone : windowsZoneFor(definition.zone),
      zone: definition.zone,
      workingHours: WORKING_HOURS,
    };
  });
}

/** The people for a "view as" picker, Avery first. Ids do not depend on `now`. */
export function listDemoPeople(org?: Organisation): DemoPerson[] {
  const people = org?.people ?? demoPeople();
  return people.map((someone) => ({
    id: someone.id,
    name: someone.displayName,
    email: someone.mail,
    jobTitle: someone.jobTitle,
    managerId: someone.managerIndex === null ? null : (people[someone.managerIndex]?.id ?? null),
  }));
}
