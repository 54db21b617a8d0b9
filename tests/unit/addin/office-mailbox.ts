import { OfficeMockObject } from 'office-addin-mock';
import type { ObjectData } from 'office-addin-mock/lib/objectData';
import type {
  AsyncCallback,
  CoercionType,
  EmailAddressDetails,
  OfficeRuntime,
  OfficeThemeChangedEventArgs,
  OfficeThemeColors,
} from '../../../src/addin/office/office-types';

export const START = new Date('2026-11-25T09:00:00.000Z');
export const END = new Date('2026-11-25T09:30:00.000Z');
export const AVA: EmailAddressDetails = { emailAddress: 'ava@contoso.example', displayName: 'Ava Chen' };
export const MAX: EmailAddressDetails = { emailAddress: 'Max@Contoso.example', displayName: 'Max Moreau' };

/** office-addin-mock types its input as a class with an index signature; our data is a plain object tree. */
const mockData = (data: Record<string, unknown>): ObjectData =>
  Object.assign(Object.create(null) as ObjectData, data);

const succeeded = <T>(value: T) => ({ status: 'succeeded' as const, value });

/** `Office.context.mailbox.item` of an attendee reading the meeting: plain values. */
export function readModeItem(attendees: EmailAddressDetails[] = [AVA, MAX]): unknown {
  const office = new OfficeMockObject(
    mockData({
      host: 'outlook',
      context: {
        mailbox: {
          item: {
            itemType: 'appointment',
            start: START,
            end: END,
            organizer: MAX,
            requiredAttendees: attendees,
            optionalAttendees: [],
          },
        },
      },
    }),
  ) as unknown as { context: { mailbox: { item: unknown } } };
  return office.context.mailbox.item;
}

export interface ComposeBody {
  content: string;
  type: CoercionType;
  calls: string[];
}

/** `Office.context.mailbox.item` of an organizer editing the meeting: every value behind `getAsync`. */
export function composeModeItem(body: ComposeBody, attendees: EmailAddressDetails[] = [MAX]): unknown {
  const getter = <T>(value: T) => ({
    getAsync(callback: AsyncCallback<T>) {
      callback(succeeded(value));
    },
  });
  const office = new OfficeMockObject(
    mockData({
      host: 'outlook',
      context: {
        mailbox: {
          item: {
            itemType: 'appointment',
            start: getter(START),
            end: getter(END),
            organizer: getter(AVA),
            requiredAttendees: getter(attendees),
            optionalAttendees: getter([]),
            body: {
              getTypeAsync(callback: AsyncCallback<CoercionType>) {
                body.calls.push('getTypeAsync');
                callback(succeeded(body.type));
              },
              getAsync(type: CoercionType, callback: AsyncCallback<string>) {
                body.calls.push(`getAsync:${type}`);
                callback(succeeded(body.content));
              },
              setAsync(data: string, options: { coercionType: CoercionType }, callback: AsyncCallback<void>) {
                body.calls.push(`setAsync:${options.coercionType}`);
                body.content = data;
                callback(succeeded(undefined));
              },
              prependAsync(
                data: string,
                options: { coercionType: CoercionType },
                callback: AsyncCallback<void>,
              ) {
                body.calls.push(`prependAsync:${options.coercionType}`);
                body.content = `${data}${body.content}`;
                callback(succeeded(undefined));
              },
            },
          },
        },
      },
    }),
  ) as unknown as { context: { mailbox: { item: unknown } } };
  return office.context.mailbox.item;
}

/** Outlook's `Office` with a theme, recording the handlers the add-in gives `mailbox.addHandlerAsync`. */
export interface ThemedOutlook {
  office: OfficeRuntime;
  handlers: Map<string, (args: OfficeThemeChangedEventArgs) => void>;
  /** Outlook's side of a theme change: the new theme in `context`, then the event. */
  changeTheme(theme: OfficeThemeColors, withArgs?: boolean): void;
}

export function themedOutlook(theme: OfficeThemeColors | undefined): ThemedOutlook {
  const handlers = new Map<string, (args: OfficeThemeChangedEventArgs) => void>();
  const office = new OfficeMockObject(
    mockData({
      host: 'outlook',
      EventType: { OfficeThemeChanged: 'officeThemeChanged' },
      context: {
        ...(theme ? { officeTheme: theme } : {}),
        mailbox: {
          item: { itemType: 'appointment', start: START, end: END },
          addHandlerAsync(
            eventType: string,
            handler: (args: OfficeThemeChangedEventArgs) => void,
            callback?: AsyncCallback<void>,
          ) {
            handlers.set(eventType, handler);
            callback?.(succeeded(undefined));
          },
        },
      },
    }),
  ) as unknown as OfficeRuntime;
  return {
    office,
    handlers,
    changeTheme(next, withArgs = true) {
      office.context.officeTheme = next;
      handlers.get('officeThemeChanged')?.({
        type: 'officeThemeChanged',
        ...(withArgs ? { officeTheme: next } : {}),
      });
    },
  };
}
