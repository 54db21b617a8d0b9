import type { Router } from './http/router';

/** The privacy statement and terms the app manifest links to, served by the app itself. */
const PAGES: Record<string, { title: string; paragraphs: string[] }> = {
  '/privacy': {
    title: 'Career Conversations: privacy',
    paragraphs: [
      'Career Conversations runs inside your organisation\u2019s own Azure subscription. What it stores stays there.',
      'It reads calendar times and attendees (never meeting bodies), reporting lines, and each person\u2019s time zone and working hours, so it can find 1:1s and prompt at sensible times.',
      'Agendas you share are visible to the other person of that 1:1, for as long as the meeting is with them: when it moves to someone else, the earlier person loses access and their copy in chat is replaced. Private notes are visible only to you and are never sent to anyone.',
      'Recaps and agreed actions are visible to both people of the conversation. Managers see their direct reports\u2019 shared items only.',
      'You can download everything the app holds about you from Settings in the personal tab.',
    ],
  },
  '/terms': {
    title: 'Career Conversations: terms of use',
    paragraphs: [
      'Career Conversations is provided by your organisation to support regular career conversations between colleagues.',
      'Use it for your own conversations. Your organisation\u2019s policies on workplace records apply to what you write in it.',
    ],
  },
};

export function mountPolicyPages(router: Router): void {
  for (const [path, page] of Object.entries(PAGES)) {
    router.on('GET', path, ({ res }) => {
      const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.title}</title></head><body><main><h1>${page.title}</h1>${page.paragraphs.map((p) => `<p>${p}</p>`).join('')}</main></body></html>`;
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=3600',
      });
      res.end(body);
      return Promise.resolve();
    });
  }
}
