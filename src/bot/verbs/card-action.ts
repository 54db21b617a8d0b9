import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** A card button press: its verb and its data with the card's inputs merged in. */
export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
}

const verb = z.string().min(1).max(64);
const data = z.record(z.string(), z.unknown());

/** `adaptiveCard/action` invoke value (Universal Actions). */
const executeValue = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb, data: data.optional() }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/** Action.Submit fallback: a message whose value is the data plus the verb. */
const submitValue = z.looseObject({ verb });

export type CardActionRead = { ok: true; action: CardAction } | { ok: false; message: string };

export function readExecuteAction(activity: Partial<Activity>): CardActionRead {
  const parsed = executeValue.safeParse(activity.value);
  if (!parsed.success) {
    return {
      ok: false,
      message: 'This card action is malformed: expected an Action.Execute with a verb and data.',
    };
  }
  return { ok: true, action: { verb: parsed.data.action.verb, data: parsed.data.action.data ?? {} } };
}

/** Null when the message is not a card submit (ordinary typed text). */
export function readSubmitAction(activity: Partial<Activity>): CardAction | null {
  const parsed = submitValue.safeParse(activity.value);
  if (!parsed.success) return null;
  const { verb: name, ...rest } = parsed.data;
  return { verb: name, data: rest };
}
