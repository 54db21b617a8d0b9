import { z } from 'zod';
import type { BotServices } from '../turn/bot-services';
import type { Actor } from '../turn/actor';
import type { CardReply } from './card-reply';

/** A card action whose data does not have the shape its verb needs: answered 400, nothing changes. */
export class MalformedAction extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'MalformedAction';
  }
}

export function readData<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'data';
  throw new MalformedAction(`The card sent unexpected data (${where}: ${issue?.message ?? 'invalid'}).`);
}

/** An input value as the card sends it: a string, missing when the client left it out. */
export const inputText = (max: number): z.ZodType<string> =>
  z.preprocess((value) => (value === undefined || value === null ? '' : value), z.string().max(max));

/** An id carried in action data. */
export const recordIdField = z.string().min(1).max(300);

/** A number the card put in its data (a client may hand it back as a numeric string). */
export const cardNumber = z.preprocess(
  (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
  z.number().int().min(0).max(1_000_000),
);

export interface VerbContext {
  services: BotServices;
  actor: Actor;
  /** The action's data with the card's input values merged in (as Teams sends them). */
  data: Record<string, unknown>;
  /** The message the action came from, when the channel says (to keep track of it for later updates). */
  source: { activityId: string | null; conversationId: string };
}

export type VerbHandler = (context: VerbContext) => Promise<CardReply>;
