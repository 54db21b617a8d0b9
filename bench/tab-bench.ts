/**
 * Teams tab benchmark (not a timed test): `npm run bench:tab -- [--json] [--runs 5]`
 *
 * Builds the production tab, then reports what the first view costs: the gzip size of the JavaScript and CSS
 * the browser loads before "Next up" can render (the entry and its static imports; lazy views and the Teams SDK
 * are not part of it), the gzip size of all the JavaScript, and the time from navigation to the rendered list of
 * upcoming 1:1s in headless Chromium against the demo server (cold cache, median of the runs).
 * Progress goes to stdout unless --json; the last line is always one JSON object with the figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/support/browser';
import { buildTab, readBuildInfo, startDemoServer } from '../tests/support/demo-server';

const DEMO_PERSON_KEY = 'career-conversations.demo-person';
const INITIAL_JS_BUDGET_KB = 200;

interface TabBenchOptions {
  json: boolean;
  runs: number;
}

function parseOptions(argv: readonly string[]): TabBenchOptions {
  const options: TabBenchOptions = { json: false, runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--json') options.json = true;
    else if (flag === '--runs') {
      const runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1)
        throw new Error('--runs takes a whole number of runs, 1 or more.');
      options.runs = runs;
    } else {
      throw new Error(`Unknown option ${String(flag)}. Usage: npm run bench:tab -- [--json] [--runs 5]`);
    }
  }
  return options;
}

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

function gzipBytes(dir: string, files: readonly string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dir, file))).length, 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 10) / 10;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const say = (line: string): void => {
    if (!options.json) process.stdout.write(`${line}\n`);
  };

  say('Building the production tab...');
  const buildStarted = performance.now();
  const tabDir = buildTab(path.resolve(__dirname, '../test-results/tab-bench-build'));
  const buildMs = Math.round(performance.now() - buildStarted);
  const info = readBuildInfo(tabDir);
  const js = (files: readonly string[]): string[] => files.filter((f) => f.endsWith('.js'));
  const css = (files: readonly string[]): string[] => files.filter((f) => f.endsWith('.css'));
  const initialJsGzip = gzipBytes(tabDir, js(info.initialFiles));
  // esbuild puts any CSS beside the entry and the page links it up front, so every CSS file counts as initial.
  const initialCssGzip = gzipBytes(tabDir, css(info.allFiles));
  const totalJsGzip = gzipBytes(tabDir, js(info.allFiles));
  const hostJsGzip = gzipBytes(tabDir, js(info.hostOnlyFiles));
  const htmlGzip = gzipBytes(tabDir, ['index.html']);
  say(
    `Built in ${buildMs} ms: ${js(info.initialFiles).length} JS files for the first view, ${js(info.allFiles).length} in all.`,
  );
  say(
    `First view: ${kb(initialJsGzip)} KiB JS + ${kb(initialCssGzip)} KiB CSS gzip (budget ${INITIAL_JS_BUDGET_KB} KiB JS).`,
  );
  say(`All JS: ${kb(totalJsGzip)} KiB gzip; the Teams SDK, loaded only inside Teams: ${kb(hostJsGzip)} KiB.`);

  const server = await startDemoServer({ tabDir });
  const browser = await launchChromium();
  const renders: number[] = [];
  let transferredJs = 0;
  try {
    for (let run = 1; run <= options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // Straight to "Next up" as Avery, as after the "view as" choice; the list's first paint is timed in the page.
      await context.addInitScript(
        ({ key, person }) => {
          sessionStorage.setItem(key, person);
          const seen = (): boolean => document.querySelector('[aria-label="Upcoming 1:1s"] li') !== null;
          const observer = new MutationObserver(() => {
            if (!seen()) return;
            observer.disconnect();
            requestAnimationFrame(() => {
              (window as unknown as { __firstRenderMs: number }).__firstRenderMs = performance.now();
            });
          });
          observer.observe(document, { childList: true, subtree: true });
        },
        { key: DEMO_PERSON_KEY, person: server.cast.avery.id },
      );
      const page = await context.newPage();
      await page.goto(server.tabUrl);
      await page.waitForFunction(
        () => typeof (window as unknown as { __firstRenderMs?: number }).__firstRenderMs === 'number',
      );
      const ms = await page.evaluate(
        () => (window as unknown as { __firstRenderMs: number }).__firstRenderMs,
      );
      transferredJs = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0),
      );
      renders.push(Math.round(ms * 10) / 10);
      say(
        `Run ${run}: "Next up" rendered ${Math.round(ms)} ms after navigation (${kb(transferredJs)} KiB of JS on the wire).`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const result = {
    initialJsGzipKb: kb(initialJsGzip),
    totalJsGzipKb: kb(totalJsGzip),
    firstRenderMs: median(renders),
    initialCssGzipKb: kb(initialCssGzip),
    indexHtmlGzipKb: kb(htmlGzip),
    teamsSdkGzipKb: kb(hostJsGzip),
    jsOnTheWireKb: kb(transferredJs),
    firstRenderRunsMs: renders,
    buildMs,
    withinBudget: kb(initialJsGzip) <= INITIAL_JS_BUDGET_KB,
  };
  say(`Median time to "Next up": ${result.firstRenderMs} ms over ${renders.length} run(s).`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
