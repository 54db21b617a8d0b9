import type { WorkingHours } from '../core/person';
import { DEFAULT_WORKING_HOURS } from '../core/person';
import { toIanaTimeZone } from '../core/time-zone';
import type { Directory, DirectoryUser, DirectoryUserAndManager, MailboxSettings } from '../ports/directory';
import type { GraphGateway } from './graph-gateway';
import { okBody } from './graph-gateway';
import { GraphResponseShapeError } from './graph-errors';
import {
  collectionPageSchema,
  directoryUserSchema,
  mailboxSettingsSchema,
  userWithManagerSchema,
} from './graph-schemas';

/** Least privilege: only the fields the product reads (User.Read.All, MailboxSettings.Read). */
export const USER_FIELDS = 'id,displayName,mail,userPrincipalName,jobTitle';
const MAILBOX_FIELDS = 'timeZone,workingHours';
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The Directory port over Graph users, manager, directReports and mailboxSettings. */
export class GraphDirectory implements Directory {
  constructor(private readonly gateway: GraphGateway) {}

  async getUser(idOrUpn: string): Promise<DirectoryUser | null> {
    const reply = await this.gateway.get({
      path: `/users/${encodeURIComponent(idOrUpn)}?$select=${USER_FIELDS}`,
    });
    if (reply.status === 404) return null;
    return toUser(okBody(reply));
  }

  async getManager(id: string): Promise<DirectoryUser | null> {
    const reply = await this.gateway.get({
      path: `/users/${encodeURIComponent(id)}/manager?$select=${USER_FIELDS}`,
    });
    if (reply.status === 404) return null;
    return toUser(okBody(reply));
  }

  /** One request: `GET /users/{id}?$select=…&$expand=manager($select=…)` (Graph leaves `manager` out when there is none). */
  async getUserAndManager(id: string): Promise<DirectoryUserAndManager | null> {
    const reply = await this.gateway.get({
      path: `/users/${encodeURIComponent(id)}?$select=${USER_FIELDS}&$expand=manager($select=${USER_FIELDS})`,
    });
    if (reply.status === 404) return null;
    const body = okBody(reply);
    const parsed = userWithManagerSchema.safeParse(body);
    if (!parsed.success) throw new GraphResponseShapeError('user');
    const user = toUser(body);
    if (!user) return null;
    const manager = parsed.data.manager == null ? null : toUser(parsed.data.manager);
    return { user, manager };
  }

  async getDirectReports(id: string): Promise<DirectoryUser[]> {
    return this.collect(`/users/${encodeURIComponent(id)}/directReports?$select=${USER_FIELDS}`);
  }

  async getMailboxSettings(id: string): Promise<MailboxSettings> {
    const reply = await this.gateway.get({
      path: `/users/${encodeURIComponent(id)}/mailboxSettings?$select=${MAILBOX_FIELDS}`,
    });
    const parsed = mailboxSettingsSchema.safeParse(okBody(reply));
    if (!parsed.success) throw new GraphResponseShapeError('mailbox settings');
    const settings = parsed.data;
    const zone =
      toIanaTimeZone(settings.timeZone ?? '') ??
      toIanaTimeZone(settings.workingHours?.timeZone?.name ?? '') ??
      'UTC';
    return { timeZone: zone, workingHours: workingHours(settings.workingHours) };
  }

  async searchPeople(forUserId: string, query: string, top: number): Promise<DirectoryUser[]> {
    const text = query.trim();
    if (text === '' || top < 1) return [];
    const quoted = `'${text.replace(/'/g, "''")}'`;
    const filter = encodeURIComponent(`startswith(displayName,${quoted}) or startswith(mail,${quoted})`);
    const reply = await this.gateway.get({
      path: `/users?$filter=${filter}&$top=${Math.min(top + 1, 999)}&$select=${USER_FIELDS}`,
    });
    const parsed = collectionPageSchema.safeParse(okBody(reply));
    if (!parsed.success) throw new GraphResponseShapeError('user search page');
    // Checked here too: a directory that ignored the filter must not put strangers in a picker.
    const wanted = text.toLowerCase();
    return usersOf(parsed.data.value)
      .filter((user) => user.id !== forUserId)
      .filter(
        (user) =>
          user.displayName.toLowerCase().startsWith(wanted) || user.email.toLowerCase().startsWith(wanted),
      )
      .slice(0, top);
  }

  private async collect(firstPath: string): Promise<DirectoryUser[]> {
    const users: DirectoryUser[] = [];
    let link: string | undefined = firstPath;
    for (let page = 0; link !== undefined && page < 100; page++) {
      const reply = await this.gateway.get({ path: link });
      const parsed = collectionPageSchema.safeParse(okBody(reply));
      if (!parsed.success) throw new GraphResponseShapeError('directory page');
      users.push(...usersOf(parsed.data.value));
      link = parsed.data['@odata.nextLink'];
    }
    return users;
  }
}

function toUser(body: unknown): DirectoryUser | null {
  const parsed = directoryUserSchema.safeParse(body);
  if (!parsed.success) throw new GraphResponseShapeError('user');
  const user = parsed.data;
  if (user['@odata.type'] !== undefined && user['@odata.type'] !== '#microsoft.graph.user') return null;
  const email = user.mail ?? user.userPrincipalName;
  if (!email) return null;
  return { id: user.id, email, displayName: user.displayName ?? email, jobTitle: user.jobTitle ?? null };
}

/** Users only: contacts and devices among direct reports, and malformed items, are left out. */
function usersOf(items: readonly unknown[]): DirectoryUser[] {
  const users: DirectoryUser[] = [];
  for (const item of items) {
    try {
      const user = toUser(item);
      if (user) users.push(user);
    } catch {
      // A malformed entry is skipped; the rest of the page stands.
    }
  }
  return users;
}

function workingHours(
  raw:
    { daysOfWeek?: string[] | null; startTime?: string | null; endTime?: string | null } | null | undefined,
): WorkingHours {
  if (!raw) return DEFAULT_WORKING_HOURS;
  const days = (raw.daysOfWeek ?? [])
    .map((day) => DAYS.indexOf(day.toLowerCase()))
    .filter((day) => day >= 0)
    .sort((a, b) => a - b);
  const start = hhmm(raw.startTime);
  const end = hhmm(raw.endTime);
  return {
    days: days.length > 0 ? days : DEFAULT_WORKING_HOURS.days,
    start: start ?? DEFAULT_WORKING_HOURS.start,
    end: end ?? DEFAULT_WORKING_HOURS.end,
  };
}

/** `08:30:00.0000000` → `08:30`. */
function hhmm(time: string | null | undefined): string | null {
  const match = /^(\d{2}):(\d{2})/.exec(time ?? '');
  return match ? `${match[1]}:${match[2]}` : null;
}
