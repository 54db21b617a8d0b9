import { openAgenda } from '../../app/agenda/open-agenda';
import { saveAgenda } from '../../app/agenda/save-agenda';
import { shareAgenda } from '../../app/agenda/share-agenda';
import type { AppDeps } from '../../app/deps';
import type { ActionItem } from '../../core/action-item';
import type { Agenda } from '../../core/agenda';
import { shareStanding } from '../../core/agenda';
import { localDate } from '../../core/time-zone';
import { sendJson } from '../../server/http/respond';
import type { Router } from '../../server/http/router';
import type { ApiRouterOptions } from '../api-options';
import { authenticated, pathId } from '../api-route';
import type {
  AgendaDto,
  AgendaResponse,
  SaveAgendaResponse,
  ShareAgendaResponse,
} from '../contract/api-types';
import { actionDto } from '../dto/action-dto';
import { agendaDto, savedAgendaDto } from '../dto/agenda-dto';
import { oneOnOneDto } from '../dto/one-on-one-dto';
import { NameBook } from '../queries/name-book';
import { agendaSharedWithMeFor } from '../queries/shared-agendas';
import { parseBody } from '../request-parsing';
import { saveAgendaBody } from '../request-schemas';

export function registerAgendaRoutes(router: Router, options: ApiRouterOptions): void {
  const { deps, authenticate } = options;

  router.on(
    'GET',
    '/api/one-on-ones/:id/agenda',
    authenticated(authenticate, async (request) => {
      const { res, me } = request;
      const view = await openAgenda(deps, me, pathId(request, 'id'));
      const names = new NameBook(deps.store);
      const today = await todayFor(deps, me);
      // Actions carried earlier stay visible (and ticked) after they are done.
      const open = new Set(view.openActions.map((a) => a.id));
      const carriedDone = await Promise.all(
        (view.agenda?.carriedActionIds ?? []).filter((a) => !open.has(a)).map((a) => deps.store.getAction(a)),
      );
      const actions: ActionItem[] = [
        ...view.openActions,
        ...carriedDone.filter((a): a is ActionItem => a !== null && a.employeeId === me),
      ];
      const counterpartId = view.oneOnOne.counterpart.personId;
      const body: AgendaResponse = {
        oneOnOne: oneOnOneDto(view.oneOnOne),
        agenda: view.agenda ? await agendaAsItStands(view.agenda, counterpartId, names) : null,
        privateNotes: view.privateNotes,
        openActions: await Promise.all(actions.map((a) => actionDto(a, me, names, today))),
        shareWith:
          counterpartId && view.oneOnOne.relationship !== 'external' ? await names.ref(counterpartId) : null,
        sharedWithMe: await agendaSharedWithMeFor(deps, me, view.oneOnOne),
      };
      sendJson(res, 200, body);
    }),
  );

  router.on(
    'PUT',
    '/api/one-on-ones/:id/agenda',
    authenticated(authenticate, async (request) => {
      const id = pathId(request, 'id');
      const { baseRevision, ...input } = await parseBody(request.req, saveAgendaBody);
      const saved = await saveAgenda(deps, { actorId: request.me, oneOnOneId: id, input, baseRevision });
      const body: SaveAgendaResponse = {
        agenda: savedAgendaDto(saved.agenda),
        privateNotes: saved.privateNotes,
      };
      sendJson(request.res, 200, body);
    }),
  );

  router.on(
    'POST',
    '/api/one-on-ones/:id/agenda/share',
    authenticated(authenticate, async (request) => {
      const shared = await shareAgenda(deps, request.me, pathId(request, 'id'));
      const body: ShareAgendaResponse = {
        agenda: savedAgendaDto(shared.agenda),
        sharedWith: await new NameBook(deps.store).ref(shared.recipientId),
        changed: shared.changed,
      };
      sendJson(request.res, 200, body);
    }),
  );
}

/** The agenda with its sharing as it stands for the person the 1:1 is with now (and whom it was shared with before). */
async function agendaAsItStands(
  agenda: Agenda,
  counterpartId: string | null,
  names: NameBook,
): Promise<AgendaDto> {
  const { sharedAt, sharedEarlierWith } = shareStanding(agenda, counterpartId);
  return agendaDto(agenda, {
    sharedAt,
    sharedEarlierWith: sharedEarlierWith ? await names.ref(sharedEarlierWith) : null,
  });
}

export async function todayFor(deps: AppDeps, personId: string): Promise<string> {
  const person = await deps.store.getPerson(personId);
  return localDate(deps.clock.now().getTime(), person?.timeZone ?? 'UTC');
}
