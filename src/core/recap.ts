import { isCalendarDate } from './calendar-date';
import { careerError } from './errors';
import type { CareerError } from './errors';
import type { Result } from './result';
import { fail, ok } from './result';

/**
 * draft → sent → acknowledged, or sent → changeRequested → (revised) sent → acknowledged.
 * `version` is the content version the recipient sees; it goes up each time a revision is sent.
 */
export type RecapState = 'draft' | 'sent' | 'changeRequested' | 'acknowledged';

export type ActionOwnerSide = 'author' | 'recipient';

export interface RecapAction {
  id: string;
  text: string;
  owner: ActionOwnerSide;
  /** `YYYY-MM-DD` */
  dueOn: string;
}

export interface RecapContent {
  topics: string[];
  actions: RecapAction[];
}

export interface ChangeRequest {
  comment: string;
  byId: string;
  at: string;
  version: number;
}

export type RecapEventKind = 'drafted' | 'edited' | 'sent' | 'changeRequested' | 'acknowledged';

export interface RecapHistoryEntry {
  kind: RecapEventKind;
  byId: string;
  at: string;
  version: number;
}

export interface Recap extends RecapContent {
  id: string;
  oneOnOneId: string;
  authorId: string;
  recipientId: string;
  requiresAcknowledgement: boolean;
  state: RecapState;
  version: number;
  sentAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  changeRequest: ChangeRequest | null;
  history: RecapHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

export const RECAP_LIMITS = { topics: 10, topic: 300, actions: 10, actionText: 300, comment: 1000 };

export interface RecapTransition {
  recap: Recap;
  /** False when the action repeated one already done (e.g. acknowledging twice). */
  changed: boolean;
}

/** Normalises and checks recap content; due dates must be real dates from `today` on. */
export function validateRecapContent(
  input: RecapContent,
  today: string,
): Result<RecapContent, CareerError[]> {
  const problems: CareerError[] = [];
  // Blank rows are dropped, but field paths keep the row's index in the input so the form can point at it.
  const topicRows = input.topics
    .map((t, index) => ({ topic: t.trim(), index }))
    .filter((row) => row.topic.length > 0);
  const topics = topicRows.map((row) => row.topic);
  if (topics.length > RECAP_LIMITS.topics) {
    problems.push(careerError('recap.too_many', `Keep to ${RECAP_LIMITS.topics} topics.`, 'topics'));
  }
  topicRows.forEach(({ topic, index: i }) => {
    if (topic.length > RECAP_LIMITS.topic) {
      problems.push(
        careerError(
          'recap.too_long',
          `Topic ${i + 1} is too long; keep it to ${RECAP_LIMITS.topic} characters.`,
          `topics[${i}]`,
        ),
      );
    }
  });

  const actionRows = input.actions
    .map((a, index) => ({ action: { ...a, text: a.text.trim(), dueOn: a.dueOn.trim() }, index }))
    .filter((row) => row.action.text.length > 0);
  const actions = actionRows.map((row) => row.action);
  if (actions.length > RECAP_LIMITS.actions) {
    problems.push(careerError('recap.too_many', `Keep to ${RECAP_LIMITS.actions} actions.`, 'actions'));
  }
  actionRows.forEach(({ action, index: i }) => {
    const field = `actions[${i}]`;
    if (action.text.length > RECAP_LIMITS.actionText) {
      problems.push(
        careerError(
          'recap.too_long',
          `Action ${i + 1} is too long; keep it to ${RECAP_LIMITS.actionText} characters.`,
          `${field}.text`,
        ),
      );
    }
    // Content arrives from cards and forms: the type says what should be there, not what is.
    const owner: string = action.owner;
    if (owner !== 'author' && owner !== 'recipient') {
      problems.push(
        careerError(
          'recap.bad_owner',
          `Action ${i + 1} needs an owner: you or the other person.`,
          `${field}.owner`,
        ),
      );
    }
    if (!isCalendarDate(action.dueOn)) {
      problems.push(
        careerError('recap.bad_due_date', `Action ${i + 1} needs a due date (YYYY-MM-DD).`, `${field}.dueOn`),
      );
    } else if (action.dueOn < today) {
      problems.push(
        careerError(
          'recap.bad_due_date',
          `Action ${i + 1} is due ${action.dueOn}, which has passed; pick today or later.`,
          `${field}.dueOn`,
        ),
      );
    }
  });

  if (problems.length === 0 && topics.length === 0 && actions.length === 0) {
    problems.push(careerError('recap.empty', 'A recap needs at least one topic or one agreed action.'));
  }
  return problems.length > 0 ? fail(problems) : ok({ topics, actions });
}

export function startRecap(init: {
  id: string;
  oneOnOneId: string;
  authorId: string;
  recipientId: string;
  requiresAcknowledgement: boolean;
  content: RecapContent;
  now: string;
}): Recap {
  return {
    id: init.id,
    oneOnOneId: init.oneOnOneId,
    authorId: init.authorId,
    recipientId: init.recipientId,
    requiresAcknowledgement: init.requiresAcknowledgement,
    topics: init.content.topics,
    actions: init.content.actions,
    state: 'draft',
    version: 1,
    sentAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    changeRequest: null,
    history: [{ kind: 'drafted', byId: init.authorId, at: init.now, version: 1 }],
    createdAt: init.now,
    updatedAt: init.now,
  };
}

/** The author edits a draft, or revises after a change request. */
export function editRecap(
  recap: Recap,
  actorId: string,
  content: RecapContent,
  now: string,
): Result<RecapTransition, CareerError> {
  if (actorId !== recap.authorId) return fail(notAuthor());
  if (recap.state !== 'draft' && recap.state !== 'changeRequested') {
    return fail(
      careerError(
        'recap.wrong_state',
        recap.state === 'acknowledged'
          ? 'This recap was already acknowledged; start a new recap for anything further.'
          : 'This recap was sent and is waiting for an answer; it can be revised if a change is asked for.',
      ),
    );
  }
  return ok({
    recap: {
      ...recap,
      ...content,
      updatedAt: now,
      history: withEdit(recap.history, { kind: 'edited', byId: actorId, at: now, version: recap.version }),
    },
    changed: true,
  });
}

/** Autosave edits often: a run of edits by the same person on the same version is one history entry. */
function withEdit(history: RecapHistoryEntry[], edit: RecapHistoryEntry): RecapHistoryEntry[] {
  const last = history.at(-1);
  if (last?.kind === 'edited' && last.byId === edit.byId && last.version === edit.version) {
    return [...history.slice(0, -1), edit];
  }
  return [...history, edit];
}

/** The author sends the recap; a revision after a change request is sent as the next version. */
export function sendRecap(recap: Recap, actorId: string, now: string): Result<RecapTransition, CareerError> {
  if (actorId !== recap.authorId) return fail(notAuthor());
  if (recap.state === 'sent' || recap.state === 'acknowledged') {
    return ok({ recap, changed: false });
  }
  if (recap.topics.length === 0 && recap.actions.length === 0) {
    return fail(careerError('recap.empty', 'A recap needs at least one topic or one agreed action.'));
  }
  const version = recap.state === 'changeRequested' ? recap.version + 1 : recap.version;
  return ok({
    recap: {
      ...recap,
      state: 'sent',
      version,
      sentAt: now,
      updatedAt: now,
      history: [...recap.history, { kind: 'sent', byId: actorId, at: now, version }],
    },
    changed: true,
  });
}

/** The recipient confirms the recap. Acknowledging the same version twice is a no-op. */
export function acknowledgeRecap(
  recap: Recap,
  actorId: string,
  version: number,
  now: string,
): Result<RecapTransition, CareerError> {
  const refused = checkRecipientAction(recap, actorId, version);
  if (refused) return fail(refused);
  if (recap.state === 'acknowledged') return ok({ recap, changed: false });
  if (recap.state !== 'sent') return fail(notWaiting(recap));
  return ok({
    recap: {
      ...recap,
      state: 'acknowledged',
      acknowledgedAt: now,
      acknowledgedBy: actorId,
      updatedAt: now,
      history: [...recap.history, { kind: 'acknowledged', byId: actorId, at: now, version }],
    },
    changed: true,
  });
}

/** The recipient asks for a change, with a comment that goes back to the author. */
export function requestRecapChange(
  recap: Recap,
  actorId: string,
  version: number,
  comment: string,
  now: string,
): Result<RecapTransition, CareerError> {
  const refused = checkRecipientAction(recap, actorId, version);
  if (refused) return fail(refused);
  const text = comment.trim();
  if (text.length === 0) {
    return fail(
      careerError('recap.comment_required', 'Say what should change so it can be revised.', 'comment'),
    );
  }
  if (text.length > RECAP_LIMITS.comment) {
    return fail(
      careerError('recap.too_long', `Keep the comment to ${RECAP_LIMITS.comment} characters.`, 'comment'),
    );
  }
  if (recap.state === 'changeRequested' && recap.changeRequest?.comment === text) {
    return ok({ recap, changed: false });
  }
  if (recap.state !== 'sent') return fail(notWaiting(recap));
  return ok({
    recap: {
      ...recap,
      state: 'changeRequested',
      changeRequest: { comment: text, byId: actorId, at: now, version },
      updatedAt: now,
      history: [...recap.history, { kind: 'changeRequested', byId: actorId, at: now, version }],
    },
    changed: true,
  });
}

function checkRecipientAction(recap: Recap, actorId: string, version: number): CareerError | null {
  if (actorId !== recap.recipientId) {
    return careerError('recap.not_recipient', 'Only the person this recap was sent to can answer it.');
  }
  if (recap.state === 'draft') {
    return careerError('recap.wrong_state', 'This recap has not been sent yet.');
  }
  if (version !== recap.version) {
    return careerError(
      'recap.stale_version',
      `This card shows version ${version}, but the recap is now at version ${recap.version}. Answer the latest version.`,
    );
  }
  return null;
}

function notAuthor(): CareerError {
  return careerError('recap.not_author', 'Only the person who wrote this recap can change or send it.');
}

function notWaiting(recap: Recap): CareerError {
  switch (recap.state) {
    case 'changeRequested':
      return careerError(
        'recap.wrong_state',
        'A change was asked for; the revised recap will come as a new version.',
      );
    case 'acknowledged':
      return careerError('recap.wrong_state', 'This recap is already acknowledged.');
    case 'draft':
    case 'sent':
      return careerError('recap.wrong_state', 'This recap is not waiting for an answer.');
  }
}

/** Is this recap waiting on the recipient? */
export function isAwaitingAcknowledgement(recap: Recap): boolean {
  return recap.requiresAcknowledgement && recap.state === 'sent';
}
