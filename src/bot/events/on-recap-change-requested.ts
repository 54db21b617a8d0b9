import type { RecapContext } from '../../app/recap/recap-context';
import type { BotServices } from '../turn/bot-services';
import { recapEditorFor } from '../views/recap-editor';
import { DeliveryTally } from './delivery-failed';
import { RECAP_PURPOSE, updateRecapCards } from './recap-card-updates';
import { sendRecordedToAuthor } from './send-recorded';

/**
 * The recipient asked for a change: their card says it was asked, the author's cards show the comment, and the
 * author gets the editor again with the current content and the comment, to send a revised version.
 * Nothing is done for a recap no change was ever asked of (the request was never saved).
 */
export async function onRecapChangeRequested(services: BotServices, context: RecapContext): Promise<void> {
  const { recap } = context;
  if (!recap.changeRequest) return;
  const tally = new DeliveryTally();
  const cards = await updateRecapCards(services, context, undefined, tally);
  const purpose = RECAP_PURPOSE.revise(recap.version);
  // Already revised and sent again by the time this runs: nothing left to ask of the author.
  const wanted = recap.state === 'changeRequested';
  if (wanted && !cards.some((c) => c.personId === recap.authorId && c.purpose === purpose)) {
    await sendEditor(services, context, purpose, tally);
  }
  tally.settle();
}

async function sendEditor(
  services: BotServices,
  context: RecapContext,
  purpose: string,
  tally: DeliveryTally,
): Promise<void> {
  const { recap } = context;
  const card = await recapEditorFor(services, recap.authorId, recap.oneOnOneId);
  const summary = `${context.recipient?.displayName ?? 'Your colleague'} suggested a change to your recap`;
  await sendRecordedToAuthor(services, recap, purpose, { card, summary }, tally, 'the recap editor');
}
