/**
 * The slice of Office.js the add-in uses, typed structurally so it compiles without @types/office-js.
 * Enum values are the strings Office.js uses (`Office.CoercionType.Html === 'html'`).
 */
export type CoercionType = 'html' | 'text';

export interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { name?: string; message: string; code?: number };
}

export type AsyncCallback<T> = (result: AsyncResult<T>) => void;

export interface EmailAddressDetails {
  emailAddress: string;
  displayName: string;
  recipientType?: string;
}

interface Gettable<T> {
  getAsync(callback: AsyncCallback<T>): void;
}

export interface BodyApi {
  getTypeAsync(callback: AsyncCallback<CoercionType>): void;
  getAsync(coercionType: CoercionType, callback: AsyncCallback<string>): void;
  setAsync(data: string, options: { coercionType: CoercionType }, callback: AsyncCallback<void>): void;
  prependAsync(data: string, options: { coercionType: CoercionType }, callback: AsyncCallback<void>): void;
}

/** `Office.context.mailbox.item` for a meeting someone reads (attendee, or organizer after sending). */
export interface AppointmentRead {
  itemType: string;
  start: Date;
  end: Date;
  organizer?: EmailAddressDetails;
  requiredAttendees?: EmailAddressDetails[];
  optionalAttendees?: EmailAddressDetails[];
}

/** `Office.context.mailbox.item` for a meeting being organised. */
export interface AppointmentCompose {
  itemType: string;
  start: Gettable<Date>;
  end: Gettable<Date>;
  organizer?: Gettable<EmailAddressDetails>;
  requiredAttendees: Gettable<EmailAddressDetails[]>;
  optionalAttendees?: Gettable<EmailAddressDetails[]>;
  body: BodyApi;
}

/**
 * `Office.context.officeTheme` (Outlook: Mailbox 1.14, task panes only). Colours are hex triplets such as
 * `#FFA500`. `isDarkTheme` is newer than the colours, so not every host sets it.
 */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** What Outlook passes to an `Office.EventType.OfficeThemeChanged` handler (Mailbox 1.14). */
export interface OfficeThemeChangedEventArgs {
  type: string;
  officeTheme?: OfficeThemeColors;
}

export interface OfficeRuntime {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: {
    mailbox?: {
      item?: unknown;
      userProfile?: { emailAddress: string; displayName: string };
      /** Absent, or failing for some event types, in older hosts. */
      addHandlerAsync?(
        eventType: string,
        handler: (args: OfficeThemeChangedEventArgs) => void,
        callback?: AsyncCallback<void>,
      ): void;
    };
    officeTheme?: OfficeThemeColors;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  /** `Office.EventType`: its values are the event names (`OfficeThemeChanged === 'officeThemeChanged'`). */
  EventType?: { OfficeThemeChanged?: string };
}
