import { careerError } from './errors';
import type { CareerError } from './errors';
import type { Result } from './result';
import { fail, ok } from './result';

/** Someone (or a role) who knows what the employee wants to learn. */
export interface KnowledgeHolder {
  /** A person's name or a role, as the employee wrote it. */
  label: string;
  /** The person's object id when picked from the directory. */
  personId: string | null;
}

/** "Speak what you seek": the role, project or area wanted, and the support asked for. */
export interface Ask {
  wanted: string;
  support: string;
}

/** What the employee brings to a 1:1. Shareable with the counterpart; private notes live apart. */
export interface Agenda {
  oneOnOneId: string;
  authorId: string;
  counterpartId: string | null;
  learningFocus: string;
  knowledgeHolders: KnowledgeHolder[];
  asks: Ask[];
  /** Open action items from earlier recaps with the same counterpart. */
  carriedActionIds: string[];
  sharedAt: string | null;
  updatedAt: string;
  /** Increments on every save; a save based on an older revision is refused. */
  revision: number;
}

/** Notes only the author can ever read: stored apart from the agenda, never sent anywhere. */
export interface PrivateNote {
  oneOnOneId: string;
  authorId: string;
  text: string;
  updatedAt: string;
}

export interface AgendaInput {
  learningFocus: string;
  knowledgeHolders: KnowledgeHolder[];
  asks: Ask[];
  carriedActionIds: string[];
  privateNotes: string;
}

export const AGENDA_LIMITS = {
  learningFocus: 1000,
  knowledgeHolders: 10,
  holderLabel: 120,
  asks: 5,
  askWanted: 200,
  askSupport: 500,
  carriedActions: 20,
  privateNotes: 4000,
};

export interface AgendaValidationContext {
  /** Whether a picked person id is known in the tenant. */
  isKnownPerson: (personId: string) => boolean;
  /** Ids of the open action items that may be carried into this agenda. */
  openActionIds: ReadonlySet<string>;
}

/** Normalises and checks an agenda, returning every problem with the field it concerns. */
export function validateAgenda(
  input: AgendaInput,
  context: AgendaValidationContext,
): Result<AgendaInput, CareerError[]> {
  const problems: CareerError[] = [];
  const tooLong = (field: string, label: string, value: string, max: number): void => {
    if (value.length > max) {
      problems.push(
        careerError('agenda.too_long', `${label} is ${value.length} characters; keep it to ${max}.`, field),
      );
    }
  };

  const learningFocus = input.learningFocus.trim();
  tooLong('learningFocus', 'What you want to learn', learningFocus, AGENDA_LIMITS.learningFocus);

  // Blank rows are dropped, but field paths keep the row's index in the input so the form can point at it.
  const holderRows = input.knowledgeHolders
    .map((h, index) => ({ holder: { label: h.label.trim(), personId: h.personId }, index }))
    .filter(({ holder: h }) => h.label.length > 0 || h.personId !== null);
  const knowledgeHolders = holderRows.map((row) => row.holder);
  if (knowledgeHolders.length > AGENDA_LIMITS.knowledgeHolders) {
    problems.push(
      careerError(
        'agenda.too_many',
        `List at most ${AGENDA_LIMITS.knowledgeHolders} people who know it (you listed ${knowledgeHolders.length}).`,
        'knowledgeHolders',
      ),
    );
  }
  holderRows.forEach(({ holder, index: i }) => {
    tooLong(`knowledgeHolders[${i}].label`, 'A name or role', holder.label, AGENDA_LIMITS.holderLabel);
    if (holder.personId !== null && !context.isKnownPerson(holder.personId)) {
      problems.push(
        careerError(
          'agenda.unknown_person',
          `"${holder.label || holder.personId}" is not someone in your organisation's directory.`,
          `knowledgeHolders[${i}].personId`,
        ),
      );
    }
  });

  const askRows = input.asks
    .map((a, index) => ({ ask: { wanted: a.wanted.trim(), support: a.support.trim() }, index }))
    .filter(({ ask: a }) => a.wanted.length > 0 || a.support.length > 0);
  const asks = askRows.map((row) => row.ask);
  if (asks.length > AGENDA_LIMITS.asks) {
    problems.push(
      careerError('agenda.too_many', `Keep to ${AGENDA_LIMITS.asks} asks so each gets time.`, 'asks'),
    );
  }
  askRows.forEach(({ ask, index: i }) => {
    tooLong(`asks[${i}].wanted`, 'The role, project or area you want', ask.wanted, AGENDA_LIMITS.askWanted);
    tooLong(`asks[${i}].support`, 'The support you ask for', ask.support, AGENDA_LIMITS.askSupport);
    if (ask.wanted.length === 0) {
      problems.push(
        careerError(
          'agenda.empty',
          'Say which role, project or area you want before the support you ask for.',
          `asks[${i}].wanted`,
        ),
      );
    }
  });

  const carriedActionIds = [...new Set(input.carriedActionIds)];
  if (carriedActionIds.length > AGENDA_LIMITS.carriedActions) {
    problems.push(
      careerError(
        'agenda.too_many',
        `Carry at most ${AGENDA_LIMITS.carriedActions} actions.`,
        'carriedActionIds',
      ),
    );
  }
  carriedActionIds.forEach((id) => {
    if (!context.openActionIds.has(id)) {
      const i = input.carriedActionIds.indexOf(id);
      problems.push(
        careerError(
          'agenda.unknown_action',
          'That action is not an open action from an earlier conversation with this person.',
          `carriedActionIds[${i}]`,
        ),
      );
    }
  });

  const privateNotes = input.privateNotes.trim();
  tooLong('privateNotes', 'Private notes', privateNotes, AGENDA_LIMITS.privateNotes);

  const normalised = { learningFocus, knowledgeHolders, asks, carriedActionIds, privateNotes };
  if (problems.length === 0 && isEmptyAgenda(normalised)) {
    problems.push(
      careerError(
        'agenda.empty',
        'The agenda is empty: add what you want to learn, an ask, or an action to follow up.',
      ),
    );
  }
  return problems.length > 0 ? fail(problems) : ok(normalised);
}

export function isEmptyAgenda(input: AgendaInput): boolean {
  return (
    input.learningFocus.length === 0 &&
    input.knowledgeHolders.length === 0 &&
    input.asks.length === 0 &&
    input.carriedActionIds.length === 0 &&
    input.privateNotes.length === 0
  );
}

/**
 * The agenda record after a valid save by its author. Sharing is with a person, not with whoever the 1:1 is
 * with: when the 1:1's other person has changed since the agenda was shared (the invitation went to someone
 * else), the saved agenda is no longer shared, so an edit never shows it to someone the author did not choose.
 */
export function applyAgendaSave(
  previous: Agenda | null,
  input: AgendaInput,
  meta: { oneOnOneId: string; authorId: string; counterpartId: string | null; now: string },
): Agenda {
  const sharedAt = previous && previous.counterpartId === meta.counterpartId ? previous.sharedAt : null;
  return {
    oneOnOneId: meta.oneOnOneId,
    authorId: meta.authorId,
    counterpartId: meta.counterpartId,
    learningFocus: input.learningFocus,
    knowledgeHolders: input.knowledgeHolders,
    asks: input.asks,
    carriedActionIds: input.carriedActionIds,
    sharedAt,
    updatedAt: meta.now,
    revision: (previous?.revision ?? 0) + 1,
  };
}

/**
 * How the agenda's sharing stands with the person the 1:1 is with now (`counterpartId`): `sharedAt` is when it
 * was shared with them (null when it is not); `sharedEarlierWith` is someone the 1:1 is no longer with who was
 * given it. They can no longer open it (`readSharedAgenda`), but the card in their chat still shows it until it
 * is withdrawn from them: by the calendar sync that sees the move (`withdrawnFromFormerCounterpart`), or when the
 * author shares it again or saves a change, whichever is first.
 */
export function shareStanding(
  agenda: Pick<Agenda, 'sharedAt' | 'counterpartId'> | null,
  counterpartId: string | null,
): { sharedAt: string | null; sharedEarlierWith: string | null } {
  if (!agenda?.sharedAt) return { sharedAt: null, sharedEarlierWith: null };
  if (agenda.counterpartId === counterpartId) return { sharedAt: agenda.sharedAt, sharedEarlierWith: null };
  return { sharedAt: null, sharedEarlierWith: agenda.counterpartId };
}

/**
 * The agenda once its 1:1 is with someone else (`counterpartId`, null for someone outside the organisation):
 * withdrawn from the person it was shared with, and about the new person, who does not see it until the author
 * shares it. Its content is the author's and stays as it is; so does `updatedAt` (the author's last edit).
 * Null when there is nothing to withdraw: it was not shared, or it was shared with the person the 1:1 is with now.
 */
export function withdrawnFromFormerCounterpart(agenda: Agenda, counterpartId: string | null): Agenda | null {
  if (shareStanding(agenda, counterpartId).sharedEarlierWith === null) return null;
  return { ...agenda, counterpartId, sharedAt: null, revision: agenda.revision + 1 };
}

/** Where an agenda stands for the author's 1:1 list: none yet, written, or shared with the person it is with now. */
export function agendaStateOf(
  agenda: Agenda | null,
  counterpartId: string | null,
): 'none' | 'written' | 'shared' {
  if (!agenda) return 'none';
  return shareStanding(agenda, counterpartId).sharedAt ? 'shared' : 'written';
}

/** What the counterpart may see of an agenda: never the private notes (they are not in `Agenda` at all). */
export type SharedAgenda = Omit<Agenda, 'revision'>;
