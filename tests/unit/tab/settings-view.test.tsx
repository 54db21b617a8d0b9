/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MeResponse } from '../../../src/api/contract/api-types';
import { ApiError } from '../../../src/web/api/api-error';
import { SettingsView } from '../../../src/tab/views/SettingsView';
import { FakeCareerApi } from './support/fake-career-api';
import { installBrowserShims, renderWithApi } from './support/render-with-api';

installBrowserShims();

const ME: MeResponse = {
  person: {
    id: 'ava',
    displayName: 'Ava Chen',
    jobTitle: 'Analyst',
    email: 'ava@contoso.example',
    timeZone: 'America/Los_Angeles',
    workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  },
  manager: null,
  hasReports: false,
  profile: 'demo',
};

function renderSettings(api: FakeCareerApi) {
  return renderWithApi(
    <SettingsView me={ME} route={{ view: 'settings', itemId: null }} navigate={() => undefined} />,
    api,
  );
}

const leadTime = (): Promise<HTMLElement> =>
  screen.findByRole('spinbutton', { name: 'Lead time for agenda prompts' });

/** The save indicator of the prompt settings. */
const saveStatus = (): HTMLElement =>
  within(screen.getByRole('region', { name: 'Prompts and reminders' })).getByRole('status');

/** jsdom's Blob has no `text()`. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('unreadable blob'));
    };
    reader.readAsText(blob);
  });
}

/** Types into a number box and leaves it, as a person does before moving on. */
async function typeAndLeave(box: HTMLElement, value: string): Promise<void> {
  fireEvent.change(box, { target: { value } });
  fireEvent.blur(box);
  await act(async () => {
    await Promise.resolve();
  });
}

describe('SettingsView: prompts and reminders', () => {
  it('shows what is saved, each setting with what it does', async () => {
    renderSettings(new FakeCareerApi());
    expect(((await leadTime()) as HTMLInputElement).value).toBe('24');
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Nudge me after' }).value).toBe('4');
    const paused = screen.getByRole('switch', { name: 'Pause all prompts' });
    expect((paused as HTMLInputElement).checked).toBe(false);
    expect(paused.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('switch', { name: /respect my working hours/i }).checked).toBe(
      true,
    );
    expect(screen.getByText(/how long before a 1:1 you are invited to prepare its agenda/i)).toBeTruthy();
    expect(saveStatus().textContent).toBe('Changes save as soon as you make them');
  });

  it('saves a changed lead time and says it is saved', async () => {
    const api = new FakeCareerApi();
    renderSettings(api);
    await typeAndLeave(await leadTime(), '48');
    await screen.findByText(/all changes saved/i);
    expect(api.settingsChanges).toEqual([{ leadTimeHours: 48 }]);
    expect(api.settingsState.leadTimeHours).toBe(48);
  });

  it('shows the server’s message next to a lead time it refuses, and marks the field invalid', async () => {
    const api = new FakeCareerApi();
    renderSettings(api);
    const box = await leadTime();
    await typeAndLeave(box, '200');
    expect(await screen.findByText('Lead time must be a whole number of hours from 1 to 168.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(saveStatus().textContent).toMatch(/not saved/i);
    expect(api.settingsState.leadTimeHours).toBe(24);
    expect((box as HTMLInputElement).value).toBe('200');
  });

  it('clears the message once a valid lead time is saved', async () => {
    const api = new FakeCareerApi();
    renderSettings(api);
    const box = await leadTime();
    await typeAndLeave(box, '0');
    await screen.findByText(/from 1 to 168/);
    await typeAndLeave(box, '12');
    await screen.findByText(/all changes saved/i);
    expect(screen.queryByText(/from 1 to 168/)).toBeNull();
    expect(box.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('saves a switch as soon as it is flipped', async () => {
    const api = new FakeCareerApi();
    renderSettings(api);
    fireEvent.click(await screen.findByRole('switch', { name: 'Pause all prompts' }));
    await screen.findByText(/all changes saved/i);
    expect(api.settingsChanges).toEqual([{ promptsPaused: true }]);
    expect(screen.getByText(/^Paused: no prompts/)).toBeTruthy();
  });

  it('still saves a switch while a refused lead time waits in its box', async () => {
    const api = new FakeCareerApi();
    renderSettings(api);
    await typeAndLeave(await leadTime(), '200');
    await screen.findByText(/from 1 to 168/);
    fireEvent.click(screen.getByRole('switch', { name: 'Pause all prompts' }));
    await waitFor(() => {
      expect(api.settingsState.promptsPaused).toBe(true);
    });
    expect(api.settingsState.leadTimeHours).toBe(24);
    expect(await screen.findByText(/from 1 to 168/)).toBeTruthy();
    expect(saveStatus().textContent).toMatch(/not saved/i);
  });

  it('asks for a number when a box is left empty, and sends nothing', async () => {
    const api = new FakeCareerApi();
    renderSettings(api);
    await typeAndLeave(await screen.findByRole('spinbutton', { name: 'Nudge me after' }), '');
    expect(await screen.findByText('Enter a number of weeks.')).toBeTruthy();
    expect(saveStatus().textContent).toMatch(/a number is missing/i);
    expect(api.settingsChanges).toEqual([]);
  });

  it('offers a retry when the settings cannot be loaded', async () => {
    const api = new FakeCareerApi();
    api.failNext('settings', new ApiError(0, 'network', 'Career Conversations could not be reached.'));
    renderSettings(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await leadTime()).toBeTruthy();
  });

  it('sends a number typed just before the page goes, with keepalive', async () => {
    const api = new FakeCareerApi();
    renderSettings(api);
    fireEvent.change(await leadTime(), { target: { value: '72' } });
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await waitFor(() => {
      expect(api.settingsChanges).toEqual([{ leadTimeHours: 72 }]);
    });
    expect(api.keptAlive).toEqual(['updateSettings']);
  });
});

describe('SettingsView: what comes from Outlook', () => {
  it('shows my time zone and working hours read-only, saying they come from Outlook', async () => {
    renderSettings(new FakeCareerApi());
    const section = await screen.findByRole('region', { name: 'Time zone and working hours' });
    expect(within(section).getByText('Pacific Time (America/Los_Angeles)')).toBeTruthy();
    expect(within(section).getByText(/^Monday to Friday, /)).toBeTruthy();
    expect(within(section).getByText(/come from your Outlook settings/)).toBeTruthy();
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(within(section).queryByRole('spinbutton')).toBeNull();
  });
});

describe('SettingsView: download my data', () => {
  let clicks: HTMLAnchorElement[];
  let created: Blob[];
  const revoked: string[] = [];

  beforeEach(() => {
    clicks = [];
    created = [];
    revoked.length = 0;
    // jsdom has no object URLs and cannot download; record what the view asks of the browser instead.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return `blob:settings-test/${created.length}`;
      },
      revokeObjectURL: (url: string) => {
        revoked.push(url);
      },
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('saves my data as a JSON file through an object URL and leaves a link to it', async () => {
    const api = new FakeCareerApi();
    const view = renderSettings(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Download my data' }));
    const link = await screen.findByRole('link', { name: 'career-conversations-2026-11-24.json' });
    expect(link.getAttribute('href')).toBe('blob:settings-test/1');
    expect(link.getAttribute('download')).toBe('career-conversations-2026-11-24.json');
    expect(clicks).toEqual([link]);
    expect(created[0]?.type).toBe('application/json');
    expect(JSON.parse(await textOf(created[0]!))).toMatchObject({ person: { id: 'ava' } });
    view.unmount();
    expect(revoked).toEqual(['blob:settings-test/1']);
  });

  it('says what the file holds, private notes included', async () => {
    renderSettings(new FakeCareerApi());
    const section = await screen.findByRole('region', { name: 'Your data' });
    expect(within(section).getByText(/your agendas with your private notes/)).toBeTruthy();
  });

  it('says when the file could not be prepared, and tries again on request', async () => {
    const api = new FakeCareerApi();
    api.failNext('exportMyData', new ApiError(503, 'unavailable', 'Try again in a minute.'));
    renderSettings(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Download my data' }));
    expect(await screen.findByText('Your data could not be prepared.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /\.json$/ })).toBeTruthy();
  });
});
