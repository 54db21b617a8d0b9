import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshotPath } from '../../support/browser';
import type { DemoServer } from '../../support/demo-server';
import { startDemoServer } from '../../support/demo-server';

jest.setTimeout(60_000);

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** A fresh browser profile (its own sessionStorage) signed in as a demo person through the picker. */
async function openAs(
  displayName: string,
  hash = '',
  theme?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await page.goto(`${server.tabUrl}${theme ? `?theme=${theme}` : ''}${hash}`);
  await page.getByRole('heading', { name: 'Who are you today?' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^${displayName}`) }).click();
  await page.getByRole('heading', { name: 'Career Conversations', level: 1 }).waitFor();
  return { context, page };
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Tabster's focus sentinels (Fluent's TabList) are focusable and aria-hidden by design: microsoft/fluentui#27517.
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('the Teams tab in a plain browser (demo profile)', () => {
  it('keeps an agenda the employee wrote across a reload', async () => {
    const { context, page } = await openAs('Avery Chen');
    try {
      await page.getByRole('heading', { name: 'Agenda: 1:1 with Jordan Rivera' }).waitFor();
      const focus = page.getByRole('textbox', { name: 'What do you want to learn?' });
      await focus.fill('Designing event schemas that survive change');
      await page.getByRole('button', { name: 'Add an ask' }).click();
      await page
        .getByRole('textbox', { name: 'Ask 1: what you want' })
        .fill('Pair with the data platform team');
      await page.getByRole('textbox', { name: /Private notes/ }).fill('Mention the rotation timing');
      await page.getByText(/All changes saved/).waitFor();

      await page.reload();
      await page.getByRole('heading', { name: 'Agenda: 1:1 with Jordan Rivera' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'What do you want to learn?' }).inputValue()).toBe(
        'Designing event schemas that survive change',
      );
      expect(await page.getByRole('textbox', { name: 'Ask 1: what you want' }).inputValue()).toBe(
        'Pair with the data platform team',
      );
      expect(await page.getByRole('textbox', { name: /Private notes/ }).inputValue()).toBe(
        'Mention the rotation timing',
      );
      await expect(
        page.getByRole('list', { name: 'Upcoming 1:1s' }).getByText('Agenda written').count(),
      ).resolves.toBe(1);
    } finally {
      await context.close();
    }
  });

  it('keeps what was typed when the page is reloaded straight away, before the typing pause', async () => {
    const { context, page } = await openAs('Avery Chen');
    try {
      await page.getByRole('list', { name: 'Upcoming 1:1s' }).getByRole('button', { name: /Lena/ }).click();
      await page.getByRole('heading', { name: /Agenda: 1:1 with Lena/ }).waitFor();
      const focus = page.getByRole('textbox', { name: 'What do you want to learn?' });
      await focus.fill('How the platform team runs incident reviews');
      await page.getByRole('textbox', { name: /Private notes/ }).pressSequentially('Ask about on-call');
      // No wait for "All changes saved": the page goes while the save still waits for the typing pause.
      await page.reload();
      await page.getByRole('heading', { name: /Agenda: 1:1 with Lena/ }).waitFor();
      expect(await focus.inputValue()).toBe('How the platform team runs incident reviews');
      expect(await page.getByRole('textbox', { name: /Private notes/ }).inputValue()).toBe(
        'Ask about on-call',
      );
    } finally {
      await context.close();
    }
  });

  it('keeps a changed lead time across a reload, and downloads my data as a JSON file', async () => {
    const { context, page } = await openAs('Avery Chen');
    try {
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
      const leadTime = page.getByRole('spinbutton', { name: 'Lead time for agenda prompts' });
      expect(await leadTime.inputValue()).toBe('24');

      await leadTime.fill('500');
      await leadTime.press('Tab');
      await page.getByText('Lead time must be a whole number of hours from 1 to 168.').waitFor();

      await leadTime.fill('48');
      await leadTime.press('Tab');
      await page.getByText(/All changes saved/).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
      await expect(leadTime.inputValue()).resolves.toBe('48');
      await page.getByText('Pacific Time (America/Los_Angeles)').waitFor();

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download my data' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^career-conversations-\d{4}-\d{2}-\d{2}\.json$/);
      const data = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
        person: { id: string };
        settings: { leadTimeHours: number };
      };
      expect(data.person.id).toBe(server.cast.avery.id);
      expect(data.settings.leadTimeHours).toBe(48);
      await page.getByRole('link', { name: file.suggestedFilename() }).waitFor();
      await page.screenshot({ path: screenshotPath('settings-data-ready'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows the employee the manager’s acknowledgement once the manager gives it in My team', async () => {
    const employee = await openAs('Avery Chen', '#/recaps');
    const manager = await openAs('Jordan Rivera', '#/team');
    try {
      const pastList = employee.page.getByRole('list', { name: 'Past conversations' });
      await pastList.getByText('Waiting for confirmation').waitFor();

      const averysCard = manager.page.getByRole('region', { name: 'Avery Chen' });
      const recap = averysCard.getByRole('article', { name: /Recap from Avery Chen/ });
      await recap.getByText(/Draft a learning plan for the rotation/).waitFor();
      await recap.getByRole('button', { name: 'Acknowledge' }).click();
      await recap.getByText(/You acknowledged this recap/).waitFor();

      await employee.page.reload();
      await pastList.getByText('Acknowledged').first().waitFor();
      await employee.page.getByRole('button', { name: /Jordan Rivera.*17 Nov/ }).click();
      await employee.page.getByText(/Acknowledged by Jordan Rivera on/).waitFor();
      expect(await pastList.getByText('Waiting for confirmation').count()).toBe(0);
    } finally {
      await employee.context.close();
      await manager.context.close();
    }
  });

  const views: { name: string; as: string; hash: string; ready: string; theme?: string }[] = [
    { name: 'next-up', as: 'Avery Chen', hash: '#/next-up', ready: 'What do you want to learn?' },
    { name: 'recaps', as: 'Avery Chen', hash: '#/recaps', ready: 'Past conversations' },
    { name: 'actions', as: 'Avery Chen', hash: '#/actions', ready: 'Agreed with others' },
    { name: 'growth', as: 'Avery Chen', hash: '#/growth', ready: 'Your rhythm' },
    { name: 'my-team', as: 'Jordan Rivera', hash: '#/team', ready: 'Sam Patel' },
    { name: 'settings', as: 'Avery Chen', hash: '#/settings', ready: 'Lead time for agenda prompts' },
    {
      name: 'settings-high-contrast',
      as: 'Avery Chen',
      hash: '#/settings',
      ready: 'Lead time for agenda prompts',
      theme: 'contrast',
    },
    {
      name: 'next-up-dark',
      as: 'Avery Chen',
      hash: '#/next-up',
      ready: 'What do you want to learn?',
      theme: 'dark',
    },
    {
      name: 'next-up-high-contrast',
      as: 'Avery Chen',
      hash: '#/next-up',
      ready: 'What do you want to learn?',
      theme: 'contrast',
    },
  ];

  it.each(views)(
    'has no serious or critical accessibility problems: $name',
    async ({ name, as, hash, ready, theme }) => {
      const { context, page } = await openAs(as, hash, theme);
      try {
        await page.getByText(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: screenshotPath(name), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('has no serious or critical accessibility problems: the "view as" picker', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(server.tabUrl);
      await page.getByRole('heading', { name: 'Who are you today?' }).waitFor();
      await page.screenshot({ path: screenshotPath('view-as'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('decides it is outside Teams within a second and remembers the person for the session', async () => {
    const { context, page } = await openAs('Sam Patel');
    try {
      const started = Date.now();
      await page.reload();
      await page.getByText('Viewing as Sam Patel').waitFor();
      expect(Date.now() - started).toBeLessThan(3000);
      await page.getByRole('button', { name: 'Switch person' }).click();
      await page.getByRole('heading', { name: 'Who are you today?' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
