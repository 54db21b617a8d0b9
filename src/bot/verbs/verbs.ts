import { acknowledgeRecapVerb } from './acknowledge-recap-verb';
import { openActionsVerb, openHelpVerb, openNextUpVerb, openSettingsVerb } from './everyday-verbs';
import { markActionDoneVerb } from './mark-action-done-verb';
import { openAgendaVerb } from './open-agenda-verb';
import { openRecapVerb } from './open-recap-verb';
import { previewRecapVerb } from './preview-recap-verb';
import { refreshRecapVerb } from './refresh-recap-verb';
import { refreshSharedAgendaVerb } from './refresh-shared-agenda-verb';
import { requestRecapChangeVerb } from './request-recap-change-verb';
import { saveAgendaVerb } from './save-agenda-verb';
import { saveRecapVerb } from './save-recap-verb';
import { saveSettingsVerb } from './save-settings-verb';
import { sendRecapVerb } from './send-recap-verb';
import { shareAgendaVerb } from './share-agenda-verb';
import type { VerbHandler } from './verb-data';

/** Every Action.Execute verb the cards use, and the one handler each. */
export const CARD_VERBS: Readonly<Record<string, VerbHandler>> = {
  openAgenda: openAgendaVerb,
  // Universal Actions refresh of the agenda card (for its author): the card as things stand now.
  refreshAgenda: openAgendaVerb,
  saveAgenda: saveAgendaVerb,
  shareAgenda: shareAgendaVerb,
  // Universal Actions refresh of the shared agenda card (for the person it is shared with).
  refreshSharedAgenda: refreshSharedAgendaVerb,
  openRecap: openRecapVerb,
  previewRecap: previewRecapVerb,
  saveRecap: saveRecapVerb,
  sendRecap: sendRecapVerb,
  acknowledgeRecap: acknowledgeRecapVerb,
  requestRecapChange: requestRecapChangeVerb,
  refreshRecap: refreshRecapVerb,
  markActionDone: markActionDoneVerb,
  openActions: openActionsVerb,
  openNextUp: openNextUpVerb,
  openSettings: openSettingsVerb,
  saveSettings: saveSettingsVerb,
  openHelp: openHelpVerb,
};

export function verbHandler(verb: string): VerbHandler | null {
  return Object.hasOwn(CARD_VERBS, verb) ? (CARD_VERBS[verb] ?? null) : null;
}
