import type {
  AppointmentCompose,
  AppointmentRead,
  AsyncCallback,
  AsyncResult,
  BodyApi,
  CoercionType,
  EmailAddressDetails,
} from './office-types';

export interface Attendee {
  email: string;
  name: string;
}

export interface MeetingDetails {
  start: Date;
  end: Date;
  /** Organizer, required and optional attendees, each address once (rooms are not attendees in Office.js). */
  attendees: Attendee[];
}

/** The meeting body, in compose mode only: the add-in's agenda goes in without touching the rest. */
export interface MeetingBody {
  type(): Promise<CoercionType>;
  get(type: CoercionType): Promise<string>;
  set(content: string, type: CoercionType): Promise<void>;
  prepend(content: string, type: CoercionType): Promise<void>;
}

/** One calendar item, whatever Outlook's mode: read gives plain values, compose gives `getAsync`. */
export interface MeetingItem {
  mode: 'read' | 'compose';
  details(): Promise<MeetingDetails>;
  /** Null in read mode: an attendee cannot change the invitation. */
  body: MeetingBody | null;
}

export class OfficeCallError extends Error {
  constructor(
    readonly operation: string,
    message: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = 'OfficeCallError';
  }
}

function call<T>(operation: string, start: (callback: AsyncCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result: AsyncResult<T>) => {
      if (result.status === 'succeeded') resolve(result.value);
      else reject(new OfficeCallError(operation, result.error?.message ?? 'Outlook refused the request'));
    });
  });
}

function attendeesOf(lists: readonly (readonly EmailAddressDetails[] | undefined)[]): Attendee[] {
  const seen = new Map<string, Attendee>();
  for (const person of lists.flatMap((l) => l ?? [])) {
    const email = person.emailAddress.trim();
    if (email !== '' && !seen.has(email.toLowerCase()))
      seen.set(email.toLowerCase(), { email, name: person.displayName || email });
  }
  return [...seen.values()];
}

const isCompose = (item: AppointmentRead | AppointmentCompose): item is AppointmentCompose =>
  !(item.start instanceof Date) && typeof (item.start as { getAsync?: unknown }).getAsync === 'function';

function bodyOf(body: BodyApi): MeetingBody {
  return {
    type: () =>
      call('body.getTypeAsync', (cb) => {
        body.getTypeAsync(cb);
      }),
    get: (type) =>
      call('body.getAsync', (cb) => {
        body.getAsync(type, cb);
      }),
    set: (content, type) =>
      call('body.setAsync', (cb) => {
        body.setAsync(content, { coercionType: type }, cb);
      }),
    prepend: (content, type) =>
      call('body.prependAsync', (cb) => {
        body.prependAsync(content, { coercionType: type }, cb);
      }),
  };
}

/** Wraps `Office.context.mailbox.item`, or returns null when the pane is not open on a calendar item. */
export function meetingItemFrom(item: unknown): MeetingItem | null {
  if (
    item === null ||
    typeof item !== 'object' ||
    (item as { itemType?: unknown }).itemType !== 'appointment'
  )
    return null;
  const appointment = item as AppointmentRead | AppointmentCompose;
  if (!isCompose(appointment)) {
    const read = appointment;
    return {
      mode: 'read',
      body: null,
      details: () =>
        Promise.resolve({
          start: read.start,
          end: read.end,
          attendees: attendeesOf([
            read.organizer ? [read.organizer] : [],
            read.requiredAttendees,
            read.optionalAttendees,
          ]),
        }),
    };
  }
  return {
    mode: 'compose',
    body: bodyOf(appointment.body),
    details: async () => {
      const get = <T>(
        name: string,
        field: { getAsync(cb: AsyncCallback<T>): void } | undefined,
      ): Promise<T | undefined> =>
        field
          ? call(`${name}.getAsync`, (cb) => {
              field.getAsync(cb);
            })
          : Promise.resolve(undefined);
      const [start, end, organizer, required, optional] = await Promise.all([
        get('start', appointment.start),
        get('end', appointment.end),
        get('organizer', appointment.organizer),
        get('requiredAttendees', appointment.requiredAttendees),
        get('optionalAttendees', appointment.optionalAttendees),
      ]);
      if (!start || !end) throw new OfficeCallError('start/end', 'Outlook gave no start or end time');
      return { start, end, attendees: attendeesOf([organizer ? [organizer] : [], required, optional]) };
    },
  };
}
