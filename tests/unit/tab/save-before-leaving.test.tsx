/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import type { SaveHow } from '../../../src/web/autosave/draft-saver';
import { DraftSaver } from '../../../src/web/autosave/draft-saver';
import type { SaveState } from '../../../src/web/autosave/save-state';
import { ApiError } from '../../../src/web/api/api-error';
import { createHttpCareerApi } from '../../../src/web/api/http-career-api';
import { useSaveBeforeLeaving } from '../../../src/web/hooks/use-save-before-leaving';

/** Makes the page look hidden (or visible again) and says so, as a browser does. */
function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
});

describe('useSaveBeforeLeaving', () => {
  function Probe({ onLeave }: { onLeave: () => void }) {
    useSaveBeforeLeaving(onLeave);
    return null;
  }

  it('saves when the page is hidden or unloaded, not when it becomes visible', () => {
    const calls: string[] = [];
    render(<Probe onLeave={() => calls.push('save')} />);
    setVisibility('visible');
    expect(calls).toEqual([]);
    setVisibility('hidden');
    window.dispatchEvent(new Event('pagehide'));
    expect(calls).toEqual(['save', 'save']);
  });

  it('stops listening once the editor is gone', () => {
    const calls: string[] = [];
    const view = render(<Probe onLeave={() => calls.push('save')} />);
    view.unmount();
    window.dispatchEvent(new Event('pagehide'));
    setVisibility('hidden');
    expect(calls).toEqual([]);
  });
});

/** A server that answers only when told to, so "a save still on its way" can be staged. */
class SlowServer {
  readonly received: { text: string; how: SaveHow }[] = [];
  private readonly answers: (() => void)[] = [];

  send = (draft: { text: string }, how: SaveHow): Promise<string> => {
    this.received.push({ text: draft.text, how });
    return new Promise((resolve) => {
      this.answers.push(() => {
        resolve(draft.text);
      });
    });
  };

  async answerNext(): Promise<void> {
    this.answers.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
  }
}

function saverFor(
  send: (draft: { text: string }, how: SaveHow) => Promise<string>,
  states: SaveState[] = [],
) {
  return new DraftSaver<{ text: string }, string>({
    send,
    draft: { text: '' },
    isBlank: (d) => d.text.trim() === '',
    savedAt: () => '2026-11-24T10:00:00.000Z',
    delayMs: 10_000,
    onState: (state) => states.push(state),
    onSaved: () => undefined,
  });
}

describe('DraftSaver before the page goes', () => {
  it('sends what is waiting for the typing pause at once, with keepalive, without waiting a tick', () => {
    const server = new SlowServer();
    const saver = saverFor(server.send);
    saver.edit({ text: 'Data modelling' });
    saver.saveBeforeLeaving();
    expect(server.received).toEqual([{ text: 'Data modelling', how: { keepalive: true, following: false } }]);
  });

  it('does not send again when "hidden" and "pagehide" both arrive for one close', () => {
    const server = new SlowServer();
    const saver = saverFor(server.send);
    saver.edit({ text: 'Data modelling' });
    saver.saveBeforeLeaving();
    saver.saveBeforeLeaving();
    expect(server.received).toHaveLength(1);
  });

  it('sends nothing when everything is saved or the draft is blank', () => {
    const server = new SlowServer();
    const saver = saverFor(server.send);
    saver.saveBeforeLeaving();
    saver.edit({ text: '   ' });
    saver.saveBeforeLeaving();
    expect(server.received).toEqual([]);
  });

  it('sends what was typed after a save still on its way right away, marked as following it', async () => {
    const server = new SlowServer();
    const states: SaveState[] = [];
    const saver = saverFor(server.send, states);
    saver.edit({ text: 'Data' });
    void saver.saveNow();
    saver.edit({ text: 'Data modelling' });
    saver.saveBeforeLeaving();
    expect(server.received.map((r) => [r.text, r.how.following, r.how.keepalive])).toEqual([
      ['Data', false, false],
      ['Data modelling', true, true],
    ]);
    await server.answerNext();
    await server.answerNext();
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2026-11-24T10:00:00.000Z' });
    expect(saver.isSaved).toBe(true);
  });

  it('never lets an older answer undo a newer one', async () => {
    const answers: ((text: string) => void)[] = [];
    const landed: string[] = [];
    const saver = new DraftSaver<{ text: string }, string>({
      send: () =>
        new Promise((resolve) => {
          answers.push(resolve);
        }),
      draft: { text: '' },
      isBlank: () => false,
      savedAt: () => 'now',
      delayMs: 10_000,
      onState: () => undefined,
      onSaved: (text) => landed.push(text),
    });
    saver.edit({ text: 'first' });
    void saver.saveNow();
    saver.edit({ text: 'second' });
    saver.saveBeforeLeaving();
    answers[1]?.('second');
    await Promise.resolve();
    answers[0]?.('first');
    await Promise.resolve();
    await Promise.resolve();
    expect(landed).toEqual(['second']);
    expect(saver.isSaved).toBe(true);
  });

  it('sends again, normally, when a following save is refused as "send again"', async () => {
    const sent: SaveHow[] = [];
    let calls = 0;
    const saver = new DraftSaver<{ text: string }, string>({
      send: (_draft, how) => {
        sent.push(how);
        calls += 1;
        return calls === 2 ? Promise.reject(new ApiError(409, 'conflict', 'changed')) : Promise.resolve('ok');
      },
      draft: { text: '' },
      isBlank: () => false,
      savedAt: () => 'now',
      delayMs: 10_000,
      onState: () => undefined,
      onSaved: () => undefined,
      refusal: (_error, how) => (how.following ? 'send-again' : 'conflict'),
    });
    saver.edit({ text: 'first' });
    const first = saver.saveNow();
    saver.edit({ text: 'second' });
    saver.saveBeforeLeaving();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.map((h) => h.following)).toEqual([false, true, false]);
    expect(saver.inConflict).toBe(false);
    expect(saver.isSaved).toBe(true);
  });
});

describe('the HTTP API as the page goes', () => {
  /** jsdom has no `Response`: just what the API reads of one. */
  function answer(body: unknown, headers: Record<string, string> = {}): Response {
    const response = {
      ok: true,
      status: 200,
      json: () => Promise.resolve(body),
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    };
    return response as unknown as Response;
  }

  function recordingFetch() {
    const requests: { path: string; init: RequestInit }[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      requests.push({ path: typeof input === 'string' ? input : '(not a path)', init: init ?? {} });
      return Promise.resolve(answer({ settings: {} }));
    };
    return { requests, fetch };
  }

  const headerOf = (init: RequestInit, name: string): string | undefined =>
    (init.headers as Record<string, string>)[name];

  it('sends a keepalive save at once, still carrying the demo person header', async () => {
    const { requests, fetch } = recordingFetch();
    const api = createHttpCareerApi({ authHeaders: () => Promise.resolve({ 'x-demo-user': 'ava' }), fetch });
    await api.settings();
    void api.updateSettings({ leadTimeHours: 48 }, { keepalive: true });
    // Called in the same turn: nothing was awaited between the page event and `fetch`.
    expect(requests).toHaveLength(2);
    const init = requests[1]!.init;
    expect(init.keepalive).toBe(true);
    expect(init.method).toBe('PATCH');
    expect(headerOf(init, 'x-demo-user')).toBe('ava');
    expect(init.body).toBe('{"leadTimeHours":48}');
  });

  it('sends a keepalive save with the sign-in token of the last request', async () => {
    const { requests, fetch } = recordingFetch();
    let token = 'first-token';
    const api = createHttpCareerApi({
      authHeaders: () => Promise.resolve({ authorization: `Bearer ${token}` }),
      fetch,
    });
    await api.settings();
    token = 'never-fetched';
    void api.updateSettings({ promptsPaused: true }, { keepalive: true });
    expect(headerOf(requests[1]!.init, 'authorization')).toBe('Bearer first-token');
  });

  it('falls back to an ordinary request when the body is too big for keepalive', async () => {
    const { requests, fetch } = recordingFetch();
    const api = createHttpCareerApi({ authHeaders: () => Promise.resolve({ 'x-demo-user': 'ava' }), fetch });
    await api.settings();
    await api.saveAgenda(
      'ava:evt-1',
      {
        learningFocus: '',
        knowledgeHolders: [],
        asks: [],
        carriedActionIds: [],
        privateNotes: 'x'.repeat(70_000),
        baseRevision: null,
      },
      { keepalive: true },
    );
    expect(requests[1]!.init.keepalive).toBeUndefined();
    expect(headerOf(requests[1]!.init, 'x-demo-user')).toBe('ava');
  });

  it('names the downloaded file as the server suggests', async () => {
    const fetch = (() =>
      Promise.resolve(
        answer(
          { person: { id: 'ava' } },
          { 'content-disposition': 'attachment; filename="career-conversations-2026-11-24.json"' },
        ),
      )) as typeof globalThis.fetch;
    const api = createHttpCareerApi({ authHeaders: () => Promise.resolve({}), fetch });
    const file = await api.exportMyData();
    expect(file.fileName).toBe('career-conversations-2026-11-24.json');
    expect(file.blob.type).toBe('application/json');
  });
});
