import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { createApiRouter, demoAuthentication, mountStaticFiles } from '../../../src/api';
import { saveAgenda } from '../../../src/app';
import { createHttpServer } from '../../../src/server/http/http-server';
import { createWorld } from '../../support/app-fixture';
import type { TestWorld } from '../../support/app-fixture';
import { OFFICE_STUB } from './office-stub';

const ROOT = path.resolve(__dirname, '../../..');
const START = '2026-11-25T09:00:00.000Z';
const END = '2026-11-25T09:30:00.000Z';
const ORGANIZER_TEXT = '<p>Hi Max, same room as usual.</p>';

let outdir: string;
let server: Server;
let browser: Browser;
let origin: string;
let world: TestWorld;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), 'cc-addin-'));
  const built = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import('./scripts/build-addin.mjs'); await m.buildAddin({ production: false, outdir: ${JSON.stringify(outdir)} });`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`add-in build failed: ${built.stderr}`);

  world = await createWorld();
  const { employee, manager } = world.people;
  const oneOnOne = await world.addOneOnOne(employee.id, manager, 'manager', START);
  await world.addOneOnOne(employee.id, manager, 'manager', '2026-11-17T09:00:00.000Z');
  await saveAgenda(world.deps, {
    actorId: employee.id,
    oneOnOneId: oneOnOne.id,
    baseRevision: null,
    input: {
      learningFocus: 'How our pricing decisions get made',
      knowledgeHolders: [{ label: 'Pia Novak', personId: null }],
      asks: [{ wanted: 'Shadow the pricing review', support: 'An introduction to its chair' }],
      carriedActionIds: [],
      privateNotes: 'PRIVATE: ask about the team lead opening',
    },
  });
  const router = createApiRouter({
    deps: world.deps,
    authenticate: demoAuthentication(world.store),
    profile: 'demo',
  });
  mountStaticFiles(router, { root: outdir, urlPrefix: '/addin' });
  server = createHttpServer(router, pino({ level: 'silent' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(outdir, { recursive: true, force: true });
});

interface OfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

/** Outlook's Black theme, without `isDarkTheme` (as older hosts give it): the pane decides from the colours. */
const OUTLOOK_BLACK: OfficeTheme = {
  bodyBackgroundColor: '#292929',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#1F1F1F',
  controlForegroundColor: '#FFFFFF',
};
const OUTLOOK_WHITE: OfficeTheme = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#242424',
};

/** A page whose Office.js is the local stub and which can reach nothing but the test server. */
async function openPane(attendees: string[], theme?: OfficeTheme): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(
    (meeting) => {
      (window as unknown as { __meeting: unknown }).__meeting = meeting;
    },
    { me: world.people.employee.email, start: START, end: END, attendees, body: ORGANIZER_TEXT, theme },
  );
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('https://appsforoffice.microsoft.com/')) {
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB });
    } else if (url.startsWith(origin)) {
      await route.continue();
    } else {
      await route.abort();
    }
  });
  await page.goto(`${origin}/addin/`);
  await page.getByLabel('View as').selectOption({ label: 'Ava Chen' });
  await page.getByRole('button', { name: 'Open this meeting' }).click();
  return page;
}

/** The background the pane paints under its content, as `[r, g, b]`. */
async function paneBackground(page: Page): Promise<number[]> {
  const colour = await page
    .locator('#root > [data-theme]')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  return (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

const body = (page: Page): Promise<string> =>
  page.evaluate(() => (window as unknown as { __meeting: { body: string } }).__meeting.body);

describe('the Outlook task pane on a 1:1 (headless Chromium, demo server)', () => {
  it('shows the 1:1 and puts the agenda, without private notes, at the top of the invitation once', async () => {
    const page = await openPane([world.people.employee.email, world.people.manager.email]);
    await page.getByRole('heading', { name: '1:1 with Max Moreau', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Last recap' }).getByText('No recap yet').waitFor();

    await page.getByRole('button', { name: 'Add agenda to the invitation' }).click();
    await page.getByText('The agenda is now at the top of the invitation.').waitFor();
    const first = await body(page);
    expect(first).toContain('How our pricing decisions get made');
    expect(first).toContain('Shadow the pricing review (support asked: An introduction to its chair)');
    expect(first).not.toContain('PRIVATE');
    expect(first.endsWith(ORGANIZER_TEXT)).toBe(true);

    await page.getByRole('button', { name: 'Add agenda to the invitation' }).click();
    await page.getByText('The agenda in the invitation is up to date.').waitFor();
    const second = await body(page);
    expect(second.split('1:1 agenda · Career Conversations').length - 1).toBe(1);
    expect(second.endsWith(ORGANIZER_TEXT)).toBe(true);
    await page.close();
  }, 60_000);

  it('explains, without an error, that a meeting of three people is not a 1:1', async () => {
    const page = await openPane([
      world.people.employee.email,
      world.people.manager.email,
      world.people.peer.email,
    ]);
    await page.getByText('Not a 1:1', { exact: true }).waitFor();
    await page.getByText('This meeting has more than two people, so it is not a 1:1.').waitFor();
    expect(await page.getByRole('button', { name: 'Add agenda to the invitation' }).count()).toBe(0);
    await page.close();
  }, 60_000);

  it('follows a dark Office theme, and Outlook switching back to light', async () => {
    const page = await openPane([world.people.employee.email, world.people.manager.email], OUTLOOK_BLACK);
    await page.getByRole('heading', { name: '1:1 with Max Moreau', exact: true }).waitFor();
    await page.locator('#root > [data-theme="dark"]').waitFor();
    expect(Math.max(...(await paneBackground(page)))).toBeLessThan(64);

    await page.evaluate((theme) => {
      (window as unknown as { __changeOfficeTheme(t: unknown): void }).__changeOfficeTheme(theme);
    }, OUTLOOK_WHITE);
    await page.locator('#root > [data-theme="light"]').waitFor();
    expect(Math.min(...(await paneBackground(page)))).toBeGreaterThan(240);
    // Same pane, not reloaded: the 1:1 is still open.
    await page.getByRole('heading', { name: '1:1 with Max Moreau', exact: true }).waitFor();
    await page.close();
  }, 60_000);
});
