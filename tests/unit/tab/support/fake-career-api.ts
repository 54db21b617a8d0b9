import type {
  ActionDto,
  AgendaDto,
  AgendaResponse,
  PersonSummary,
  PromptSettings,
  RecapDto,
  RecapForOneOnOneResponse,
  SaveAgendaRequest,
  WriteRecapRequest,
} from '../../../../src/api/contract/api-types';
import { DEFAULT_PROMPT_SETTINGS, changeSettings } from '../../../../src/core/settings';
import { ApiError } from '../../../../src/web/api/api-error';
import type { CareerApi, MyDataFile, SendOptions } from '../../../../src/web/api/career-api';

const NOW = '2026-11-24T10:00:00.000Z';

export const ONE_ON_ONE = {
  id: 'ava:evt-1',
  counterpart: { name: 'Max Moreau', email: 'max@contoso.example', personId: 'max' },
  relationship: 'manager' as const,
  startsAt: '2026-11-26T09:00:00.000Z',
  endsAt: '2026-11-26T09:30:00.000Z',
  status: 'scheduled' as const,
};

export const OPEN_ACTION: ActionDto = {
  id: 'ava~r1.a1',
  text: 'Read the data platform design doc',
  dueOn: '2026-11-20',
  status: 'open',
  overdue: true,
  completedAt: null,
  owner: { id: 'ava', displayName: 'Ava Chen' },
  agreedWith: { id: 'max', displayName: 'Max Moreau' },
  oneOnOneId: 'ava:evt-0',
  recapId: 'ava~r1',
};

/** A method the test does not use: it rejects, and a test may replace it with its own answer. */
function unused<K extends keyof CareerApi>(name: K): CareerApi[K] {
  const reject = (): Promise<never> =>
    Promise.reject(new Error(`FakeCareerApi.${name} is not part of this test`));
  return reject;
}

/** An in-memory stand-in for the server: keeps one agenda and one recap, records what was sent. */
export class FakeCareerApi implements CareerApi {
  agendaState: AgendaResponse = {
    oneOnOne: ONE_ON_ONE,
    agenda: null,
    privateNotes: '',
    openActions: [OPEN_ACTION],
    shareWith: { id: 'max', displayName: 'Max Moreau' },
    sharedWithMe: null,
  };
  recapState: RecapForOneOnOneResponse = {
    oneOnOne: { ...ONE_ON_ONE, startsAt: '2026-11-23T09:00:00.000Z', endsAt: '2026-11-23T09:30:00.000Z' },
    recap: null,
    prefill: { topics: ['Learning: Data modelling'], actions: [] },
    today: '2026-11-24',
  };
  people: PersonSummary[] = [
    { id: 'pia', displayName: 'Pia Novak', jobTitle: 'Data engineer', email: 'pia@contoso.example' },
  ];
  settingsState: PromptSettings = { ...DEFAULT_PROMPT_SETTINGS };
  readonly saves: SaveAgendaRequest[] = [];
  readonly recapWrites: WriteRecapRequest[] = [];
  readonly settingsChanges: Partial<PromptSettings>[] = [];
  /** Every write that went out as the page was closing (`keepalive`), by method. */
  readonly keptAlive: string[] = [];
  readonly calls: string[] = [];
  private held: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  private saveOrder: Promise<void> = Promise.resolve();
  /** The next call of that name fails with this error (once). */
  private readonly failures = new Map<string, ApiError>();

  /** Agenda saves wait, in the order they arrived, until `releaseSaves` (a slow network). */
  holdSaves(): void {
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  releaseSaves(): void {
    this.release();
  }

  failNext(method: keyof CareerApi, error: ApiError): void {
    this.failures.set(method, error);
  }

  /** Records the call; a planned failure is thrown here and surfaces as a rejected promise (methods are async). */
  private async check(method: keyof CareerApi): Promise<void> {
    await Promise.resolve();
    this.calls.push(method);
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }

  agenda = async (): Promise<AgendaResponse> => {
    await this.check('agenda');
    return JSON.parse(JSON.stringify(this.agendaState)) as AgendaResponse;
  };

  saveAgenda = async (
    _id: string,
    body: SaveAgendaRequest,
    options?: SendOptions,
  ): Promise<{ agenda: AgendaDto; privateNotes: string }> => {
    this.saves.push(body);
    if (options?.keepalive) this.keptAlive.push('saveAgenda');
    const turn = this.saveOrder.then(() => this.held);
    this.saveOrder = turn;
    await turn;
    await this.check('saveAgenda');
    const current = this.agendaState.agenda;
    if ((current?.revision ?? null) !== body.baseRevision) {
      throw new ApiError(409, 'conflict', 'This agenda changed somewhere else.');
    }
    const agenda: AgendaDto = {
      learningFocus: body.learningFocus.trim(),
      knowledgeHolders: body.knowledgeHolders.filter((h) => h.label.trim() !== ''),
      asks: body.asks.filter((a) => a.wanted.trim() !== ''),
      carriedActionIds: body.carriedActionIds,
      sharedAt: current?.sharedAt ?? null,
      // A save names the person the 1:1 is with now: whoever had it before no longer does.
      sharedEarlierWith: null,
      updatedAt: NOW,
      revision: (current?.revision ?? 0) + 1,
    };
    this.agendaState = { ...this.agendaState, agenda, privateNotes: body.privateNotes };
    return { agenda, privateNotes: body.privateNotes };
  };

  /** Someone else saved in between (another tab, the bot). */
  saveElsewhere(learningFocus: string): void {
    const current = this.agendaState.agenda;
    this.agendaState = {
      ...this.agendaState,
      agenda: {
        learningFocus,
        knowledgeHolders: [],
        asks: [],
        carriedActionIds: [],
        sharedAt: null,
        sharedEarlierWith: null,
        updatedAt: NOW,
        revision: (current?.revision ?? 0) + 1,
      },
    };
  }

  shareAgenda = async () => {
    await this.check('shareAgenda');
    const agenda = {
      ...this.agendaState.agenda!,
      sharedAt: NOW,
      sharedEarlierWith: null,
      revision: this.agendaState.agenda!.revision + 1,
    };
    this.agendaState = { ...this.agendaState, agenda };
    const sharedWith = this.agendaState.shareWith ?? { id: 'max', displayName: 'Max Moreau' };
    return { agenda, sharedWith, changed: true };
  };

  searchPeople = async (query: string) => {
    await this.check('searchPeople');
    return { people: this.people.filter((p) => p.displayName.toLowerCase().startsWith(query.toLowerCase())) };
  };

  recapFor = async (): Promise<RecapForOneOnOneResponse> => {
    await this.check('recapFor');
    return JSON.parse(JSON.stringify(this.recapState)) as RecapForOneOnOneResponse;
  };

  writeRecap = async (_id: string, body: WriteRecapRequest, options?: SendOptions) => {
    this.recapWrites.push(body);
    if (options?.keepalive) this.keptAlive.push('writeRecap');
    await this.check('writeRecap');
    const previous = this.recapState.recap;
    const recap: RecapDto = {
      id: 'ava~r2',
      oneOnOneId: this.recapState.oneOnOne.id,
      state: previous?.state === 'changeRequested' ? 'changeRequested' : 'draft',
      version: previous?.version ?? 1,
      requiresAcknowledgement: true,
      sentAt: previous?.sentAt ?? null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      changeRequest: previous?.changeRequest ?? null,
      author: { id: 'ava', displayName: 'Ava Chen' },
      recipient: { id: 'max', displayName: 'Max Moreau' },
      topics: body.topics.filter((t) => t.trim() !== ''),
      actions: body.actions.map((a, i) => ({
        id: a.id ?? `a${i + 1}`,
        text: a.text,
        owner: a.owner,
        dueOn: a.dueOn,
      })),
      history: [],
      createdAt: NOW,
      updatedAt: NOW,
    };
    this.recapState = { ...this.recapState, recap, prefill: null };
    return { recap };
  };

  sendRecap = async () => {
    await this.check('sendRecap');
    const previous = this.recapState.recap!;
    const recap: RecapDto = {
      ...previous,
      state: 'sent',
      sentAt: NOW,
      version: previous.state === 'changeRequested' ? previous.version + 1 : previous.version,
    };
    this.recapState = { ...this.recapState, recap };
    return { recap, changed: true };
  };

  acknowledgeRecap = async (recapId: string, version: number) => {
    this.calls.push(`acknowledgeRecap:${recapId}:v${version}`);
    await this.check('acknowledgeRecap');
    return { recap: this.answered('acknowledged') };
  };

  requestRecapChange = async (recapId: string, version: number, comment: string) => {
    this.calls.push(`requestRecapChange:${recapId}:v${version}:${comment}`);
    await this.check('requestRecapChange');
    return { recap: this.answered('changeRequested') };
  };

  private answered(state: 'acknowledged' | 'changeRequested'): RecapDto {
    return {
      id: 'ava~r9',
      oneOnOneId: 'ava:evt-9',
      state,
      version: 1,
      requiresAcknowledgement: true,
      sentAt: NOW,
      acknowledgedAt: state === 'acknowledged' ? NOW : null,
      acknowledgedBy: state === 'acknowledged' ? { id: 'max', displayName: 'Max Moreau' } : null,
      changeRequest: null,
      author: { id: 'ava', displayName: 'Ava Chen' },
      recipient: { id: 'max', displayName: 'Max Moreau' },
      topics: [],
      actions: [],
      history: [],
      createdAt: NOW,
      updatedAt: NOW,
    };
  }

  settings = async () => {
    await this.check('settings');
    return { settings: { ...this.settingsState } };
  };

  /** Refuses as the server does: the domain's own range check, its message on the field. */
  updateSettings = async (change: Partial<PromptSettings>, options?: SendOptions) => {
    this.settingsChanges.push(change);
    if (options?.keepalive) this.keptAlive.push('updateSettings');
    await this.check('updateSettings');
    const next = changeSettings(this.settingsState, change);
    if (!next.ok) {
      const { code, message, field } = next.error;
      throw new ApiError(400, code, message, [{ field: field ?? null, code, message }]);
    }
    this.settingsState = next.value;
    return { settings: { ...next.value } };
  };

  exportMyData = async (): Promise<MyDataFile> => {
    await this.check('exportMyData');
    const data = { person: { id: 'ava' }, settings: this.settingsState };
    return {
      fileName: 'career-conversations-2026-11-24.json',
      blob: new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
    };
  };

  me = unused('me');
  demoPeople = unused('demoPeople');
  upcoming = unused('upcoming');
  past = unused('past');
  recap = unused('recap');
  actions = unused('actions');
  setActionStatus = unused('setActionStatus');
  growth = unused('growth');
  team = unused('team');
  teamAgendas = unused('teamAgendas');
  matchMeeting = unused('matchMeeting');
}
