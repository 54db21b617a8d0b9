// First: the Bot Framework must load as the build rewrote it before any module below requires it.
import { botFrameworkLoading } from './bot-framework-boot';
import { listDemoPeople } from '../dev';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startAgentsPlayground } from './agents-playground';
import type { RunningPlayground } from './agents-playground';
import { startApp } from './start-app';

/** `npm start`: validates the configuration, starts the app, and stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `Career Conversations cannot start; the configuration has problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  const { config } = loaded;
  const logger = createLogger({ level: config.logLevel });
  const { precompiled, rewritten, stale, problem } = botFrameworkLoading;
  if (problem) logger.warn({ problem }, 'bot_framework.build_unreadable');
  else if (stale.length > 0) {
    logger.warn({ stale: stale.length, first: stale[0] }, 'bot_framework.changed_since_build');
  } else logger.debug({ precompiled, rewritten }, 'bot_framework.loaded');
  const app = await startApp(config, logger);
  let playground: RunningPlayground | null = null;
  if (config.profile === 'demo' && config.demo.playground) {
    playground = startAgentsPlayground({
      botEndpoint: `${app.url}/api/messages`,
      port: config.demo.playgroundPort,
      users: listDemoPeople().map((p) => ({ id: p.id, name: p.name, email: p.email })),
      dataDir: config.dataDir,
      logger,
    });
  }
  const lines = [
    `Career Conversations is running (${config.profile} profile) at ${app.url}`,
    `  Teams tab:        ${app.url}/tab/`,
    `  Outlook add-in:   ${app.url}/addin/`,
    `  Bot endpoint:     ${app.url}/api/messages`,
  ];
  if (app.graph.emulator) lines.push(`  Graph emulator:   ${app.graph.emulator.baseUrl}`);
  if (playground)
    lines.push(`  Agents Playground: ${playground.url}  (chat with the bot as the demo employee)`);
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'app.stopping');
    void Promise.all([app.close(), playground?.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Career Conversations failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
