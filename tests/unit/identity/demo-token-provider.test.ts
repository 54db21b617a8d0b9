import { DEMO_GRAPH_TOKEN, DemoTokenProvider } from '../../../src/identity/token-provider';

describe('the demo token provider', () => {
  it('always returns the fixed dev token the local Graph emulator accepts', async () => {
    const provider = new DemoTokenProvider();

    await expect(provider.getGraphToken()).resolves.toBe(DEMO_GRAPH_TOKEN);
    await expect(provider.getGraphToken()).resolves.toBe(DEMO_GRAPH_TOKEN);
  });
});
