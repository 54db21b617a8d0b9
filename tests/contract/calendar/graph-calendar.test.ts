import { DEFAULT_WINDOW_POLICY, windowFor } from '../../../src/app/sync/sync-window';
import { createDemoOrganisation, startGraphEmulator } from '../../../src/dev';
import { createGraphAdapters } from '../../../src/graph/graph-adapters';
import { DEMO_GRAPH_TOKEN, DemoTokenProvider } from '../../../src/identity/token-provider';
import { describeCalendarContract } from './calendar.contract';

const NOW = new Date('2026-11-25T10:00:00Z');

describe.each([
  ['batched', {}],
  ['one request at a time, small pages', { batching: false as const, calendar: { pageSize: 3 } }],
])('Graph calendar over HTTP (%s)', (_label, options) => {
  describeCalendarContract('Graph gateway against the emulator', async () => {
    const emulator = await startGraphEmulator({
      organisation: createDemoOrganisation({ now: NOW }),
      now: () => NOW,
      acceptToken: (token) => token === DEMO_GRAPH_TOKEN,
    });
    const { calendar } = createGraphAdapters({
      baseUrl: emulator.baseUrl,
      tokens: new DemoTokenProvider(),
      ...options,
    });
    const avery = emulator.org.people[0]!;
    const manager = emulator.org.people[avery.managerIndex!]!;
    let seed = 1;
    return {
      calendar,
      userId: avery.id,
      owner: { address: avery.mail, managerAddress: manager.mail },
      window: windowFor(NOW, DEFAULT_WINDOW_POLICY),
      change: () => {
        emulator.mutate({ fraction: 1, seed: seed++ });
      },
      expireLinks: () => {
        emulator.expireDeltaTokens();
      },
      close: () => emulator.close(),
    };
  });
});
