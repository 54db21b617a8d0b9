/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../../src/web/api/api-error';
import { AgendaEditor } from '../../../src/web/components/AgendaEditor';
import { FakeCareerApi, ONE_ON_ONE, OPEN_ACTION } from './support/fake-career-api';
import { installBrowserShims, renderWithApi } from './support/render-with-api';

installBrowserShims();

function renderEditor(api: FakeCareerApi, saveDelayMs = 5) {
  return renderWithApi(
    <AgendaEditor oneOnOneId={ONE_ON_ONE.id} timeZone="Europe/London" saveDelayMs={saveDelayMs} />,
    api,
  );
}

async function learningFocus(): Promise<HTMLElement> {
  return screen.findByRole('textbox', { name: /what do you want to learn/i });
}

describe('AgendaEditor', () => {
  it('shows the 1:1 it belongs to and every part of the agenda, with private notes marked private', async () => {
    renderEditor(new FakeCareerApi());
    expect(await screen.findByRole('heading', { name: 'Agenda: 1:1 with Max Moreau' })).toBeTruthy();
    expect(await learningFocus()).toBeTruthy();
    expect(screen.getByRole('group', { name: /who knows about it/i })).toBeTruthy();
    expect(screen.getByRole('group', { name: /what are you asking for/i })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /private notes.*only you can see these/i })).toBeTruthy();
  });

  it('saves as I type, first without a base revision, then on top of the one it got back', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.change(await learningFocus(), { target: { value: 'Data modelling' } });
    await screen.findByText(/all changes saved/i);
    fireEvent.change(await learningFocus(), { target: { value: 'Data modelling for analytics' } });
    await waitFor(() => {
      expect(api.saves.map((s) => [s.learningFocus, s.baseRevision])).toEqual([
        ['Data modelling', null],
        ['Data modelling for analytics', 1],
      ]);
    });
  });

  it('does not save an agenda that is still blank', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.change(await learningFocus(), { target: { value: '   ' } });
    expect(await screen.findByText(/nothing to save yet/i)).toBeTruthy();
    expect(api.saves).toEqual([]);
  });

  it('shows a refused field’s message on that field', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Add an ask' }));
    api.failNext(
      'saveAgenda',
      new ApiError(400, 'validation_failed', 'Say which role you want.', [
        {
          field: 'asks[0].wanted',
          code: 'agenda.empty',
          message: 'Say which role, project or area you want first.',
        },
      ]),
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Ask 1: support you need' }), {
      target: { value: 'An intro' },
    });
    expect(await screen.findByText('Say which role, project or area you want first.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Ask 1: what you want' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(screen.getByRole('status').textContent).toMatch(/not saved/i);
  });

  it('offers "load the latest" or "keep mine" when the agenda changed elsewhere, and keeps mine on request', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.change(await learningFocus(), { target: { value: 'Mine' } });
    await screen.findByText(/all changes saved/i);
    api.saveElsewhere('From the bot');
    fireEvent.change(await learningFocus(), { target: { value: 'Mine, edited' } });
    const keep = await screen.findByRole('button', { name: 'Keep mine' });
    expect(screen.getByRole('button', { name: 'Load the latest' })).toBeTruthy();
    fireEvent.click(keep);
    await waitFor(() => {
      expect(api.agendaState.agenda?.learningFocus).toBe('Mine, edited');
    });
    expect(api.saves.at(-1)?.baseRevision).toBe(2);
  });

  it('loads the other version when I choose "load the latest"', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.change(await learningFocus(), { target: { value: 'Mine' } });
    await screen.findByText(/all changes saved/i);
    api.saveElsewhere('From Outlook');
    fireEvent.change(await learningFocus(), { target: { value: 'Mine again' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Load the latest' }));
    await waitFor(async () => {
      expect(((await learningFocus()) as HTMLTextAreaElement).value).toBe('From Outlook');
    });
  });

  it('carries an open action when its box is ticked', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    const box = await screen.findByRole('checkbox', { name: new RegExp(OPEN_ACTION.text) });
    fireEvent.click(box);
    await waitFor(() => {
      expect(api.saves.at(-1)?.carriedActionIds).toEqual([OPEN_ACTION.id]);
    });
  });

  it('shares with my manager after saving, and then says so', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    const share = await screen.findByRole('button', { name: 'Share with my manager' });
    expect(share.hasAttribute('disabled')).toBe(true);
    fireEvent.change(await learningFocus(), { target: { value: 'Data modelling' } });
    await screen.findByText(/all changes saved/i);
    fireEvent.click(screen.getByRole('button', { name: 'Share with my manager' }));
    expect(await screen.findByText(/shared with max moreau on/i)).toBeTruthy();
    expect(api.calls).toContain('shareAgenda');
  });

  it('after the 1:1 moved to someone else, says who still has the agenda in chat and shares it with the new person', async () => {
    const api = new FakeCareerApi();
    api.agendaState = {
      ...api.agendaState,
      oneOnOne: { ...api.agendaState.oneOnOne, relationship: 'peer' },
      shareWith: { id: 'pia', displayName: 'Pia Novak' },
      agenda: {
        learningFocus: 'Data modelling',
        knowledgeHolders: [],
        asks: [],
        carriedActionIds: [],
        sharedAt: null,
        sharedEarlierWith: { id: 'max', displayName: 'Max Moreau' },
        updatedAt: '2026-11-24T09:00:00.000Z',
        revision: 2,
      },
    };
    renderEditor(api);
    expect(
      await screen.findByText(/you shared this agenda with max moreau, but this 1:1 is now with pia novak/i),
    ).toBeTruthy();
    expect(
      screen.getByText(/max moreau can no longer open it, but their card in chat still shows it/i),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Share with Pia Novak' }));
    expect(await screen.findByText(/shared with pia novak on/i)).toBeTruthy();
    expect(screen.queryByText(/max moreau can no longer open it/i)).toBeNull();
    expect(api.calls).toContain('shareAgenda');
  });

  it('picks someone who knows the topic from the directory', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a person or role' }));
    const picker = screen.getByRole('combobox', { name: 'Person or role 1' });
    act(() => {
      fireEvent.input(picker, { target: { value: 'Pi' } });
    });
    fireEvent.click(await screen.findByRole('option', { name: /Pia Novak/ }));
    await waitFor(() => {
      expect(api.saves.at(-1)?.knowledgeHolders).toEqual([{ label: 'Pia Novak', personId: 'pia' }]);
    });
  });

  it('keeps the share button away when the other person is outside the organisation', async () => {
    const api = new FakeCareerApi();
    api.agendaState = { ...api.agendaState, shareWith: null };
    renderEditor(api);
    await learningFocus();
    expect(screen.queryByRole('button', { name: /share/i })).toBeNull();
    expect(screen.getByText(/stays with you/i)).toBeTruthy();
  });

  it('shows the agenda the other person shared for this meeting, read-only', async () => {
    const api = new FakeCareerApi();
    api.agendaState = {
      ...api.agendaState,
      sharedWithMe: {
        oneOnOneId: 'max:evt-1',
        meetingStartsAt: ONE_ON_ONE.startsAt,
        learningFocus: 'Coaching skills',
        knowledgeHolders: [],
        asks: [],
        carriedActions: [],
        sharedAt: '2026-11-24T09:00:00.000Z',
        updatedAt: '2026-11-24T09:00:00.000Z',
      },
    };
    renderEditor(api);
    const shared = await screen.findByRole('article', { name: /agenda max moreau shared/i });
    expect(within(shared).getByText('Coaching skills')).toBeTruthy();
  });

  it('sends what I typed at once, with keepalive, when the page is closed before the typing pause', async () => {
    const api = new FakeCareerApi();
    renderEditor(api, 60_000);
    fireEvent.change(await learningFocus(), { target: { value: 'Data modelling' } });
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await waitFor(() => {
      expect(api.agendaState.agenda?.learningFocus).toBe('Data modelling');
    });
    expect(api.keptAlive).toEqual(['saveAgenda']);
    expect(api.saves.map((s) => s.baseRevision)).toEqual([null]);
  });

  it('sends what I typed when the app is hidden (another app, a locked phone)', async () => {
    const api = new FakeCareerApi();
    renderEditor(api, 60_000);
    fireEvent.change(await learningFocus(), { target: { value: 'Mentoring' } });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      act(() => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
    } finally {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    }
    await screen.findByText(/all changes saved/i);
    expect(api.keptAlive).toEqual(['saveAgenda']);
  });

  it('follows a save still on its way with the latest typing, on the revision that save creates', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    api.holdSaves();
    fireEvent.change(await learningFocus(), { target: { value: 'Mine' } });
    await waitFor(() => {
      expect(api.saves).toHaveLength(1);
    });
    fireEvent.change(await learningFocus(), { target: { value: 'Mine, and more' } });
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    api.releaseSaves();
    await screen.findByText(/all changes saved/i);
    expect(api.saves.map((s) => [s.learningFocus, s.baseRevision])).toEqual([
      ['Mine', null],
      ['Mine, and more', 1],
    ]);
    expect(api.keptAlive).toEqual(['saveAgenda']);
    expect(api.agendaState.agenda?.learningFocus).toBe('Mine, and more');
    expect(screen.queryByRole('button', { name: 'Keep mine' })).toBeNull();
  });

  it('offers a retry when the agenda cannot be opened', async () => {
    const api = new FakeCareerApi();
    api.failNext('agenda', new ApiError(0, 'network', 'Career Conversations could not be reached.'));
    renderEditor(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await learningFocus()).toBeTruthy();
  });
});
