/** The structured logger the sync writes to (pino's Logger fits). Fields are ids, counts and codes only. */
export interface SyncLog {
  debug(fields: Record<string, unknown>, event: string): void;
  info(fields: Record<string, unknown>, event: string): void;
  warn(fields: Record<string, unknown>, event: string): void;
}

export const silentLog: SyncLog = { debug: () => undefined, info: () => undefined, warn: () => undefined };
