import type {
  ActionResponse,
  ActionStatus,
  ActionsResponse,
  AgendaResponse,
  DemoPeopleResponse,
  GrowthResponse,
  MeResponse,
  MeetingMatchResponse,
  PastResponse,
  PeopleSearchResponse,
  PromptSettings,
  RecapForOneOnOneResponse,
  RecapResponse,
  SaveAgendaRequest,
  SaveAgendaResponse,
  SettingsResponse,
  ShareAgendaResponse,
  SharedAgendasResponse,
  TeamResponse,
  UpcomingResponse,
  WriteRecapRequest,
} from '../../api/contract/api-types';

/** How a write travels. */
export interface SendOptions {
  /**
   * The page is closing: the request is sent at once with `keepalive`, so it outlives the page, carrying the
   * sign-in headers of the last request (there is no time left to fetch a fresh token).
   */
  keepalive?: boolean;
}

/** Everything stored about me, ready to save as a file. */
export interface MyDataFile {
  fileName: string;
  /** Readable (indented) JSON. */
  blob: Blob;
}

/** Everything the tab and the Outlook add-in ask of the server. A fake implements it in component tests. */
export interface CareerApi {
  me(): Promise<MeResponse>;
  demoPeople(): Promise<DemoPeopleResponse>;
  searchPeople(query: string, signal?: AbortSignal): Promise<PeopleSearchResponse>;
  upcoming(): Promise<UpcomingResponse>;
  past(): Promise<PastResponse>;
  agenda(oneOnOneId: string): Promise<AgendaResponse>;
  saveAgenda(oneOnOneId: string, body: SaveAgendaRequest, options?: SendOptions): Promise<SaveAgendaResponse>;
  shareAgenda(oneOnOneId: string): Promise<ShareAgendaResponse>;
  recapFor(oneOnOneId: string): Promise<RecapForOneOnOneResponse>;
  writeRecap(oneOnOneId: string, body: WriteRecapRequest, options?: SendOptions): Promise<RecapResponse>;
  sendRecap(recapId: string): Promise<RecapResponse>;
  acknowledgeRecap(recapId: string, version: number): Promise<RecapResponse>;
  requestRecapChange(recapId: string, version: number, comment: string): Promise<RecapResponse>;
  recap(recapId: string): Promise<RecapResponse>;
  actions(): Promise<ActionsResponse>;
  setActionStatus(actionId: string, status: ActionStatus): Promise<ActionResponse>;
  growth(): Promise<GrowthResponse>;
  team(): Promise<TeamResponse>;
  teamAgendas(reportId: string): Promise<SharedAgendasResponse>;
  settings(): Promise<SettingsResponse>;
  updateSettings(change: Partial<PromptSettings>, options?: SendOptions): Promise<SettingsResponse>;
  exportMyData(): Promise<MyDataFile>;
  matchMeeting(meeting: { start: string; end: string; attendees: string[] }): Promise<MeetingMatchResponse>;
}
