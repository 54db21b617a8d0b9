import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliIo, CliResult } from './cli-io';
import { EXIT, PROGRAM, badInput, messageOf, succeeded } from './cli-io';
import { DETECT_HELP, detectCommand } from './detect-command';

export type { CliIo, CliResult } from './cli-io';
export { EXIT } from './cli-io';

export const MAIN_HELP = `Usage: ${PROGRAM} <command> [options]

Support tools for Career Conversations.

Commands:
  detect    say which events of a Graph calendarView response are 1:1s, and why

Run "${PROGRAM} <command> --help" for a command's options.
`;

interface Command {
  run: (argv: readonly string[], io: CliIo) => CliResult;
  help: string;
}

const COMMANDS = new Map<string, Command>([['detect', { run: detectCommand, help: DETECT_HELP }]]);

export interface RunOptions {
  /** Standard input as text, or a function that reads it (only called when a command reads `-`). */
  stdin?: string | (() => string);
  /** Relative file paths resolve from here (default: the process's working directory). */
  cwd?: string;
}

/** The whole command line in-process: argv without `node` and the script; never throws, never exits. */
export function runCli(argv: readonly string[], options: RunOptions = {}): CliResult {
  const { stdin = '' } = options;
  const cwd = options.cwd ?? process.cwd();
  const io: CliIo = {
    readStdin: typeof stdin === 'function' ? stdin : () => stdin,
    readFile: (file) => readFileSync(path.resolve(cwd, file), 'utf8'),
  };
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      return { exitCode: EXIT.badInput, stdout: '', stderr: `${PROGRAM}: which command?\n\n${MAIN_HELP}` };
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' && rest[0] !== undefined ? COMMANDS.get(rest[0]) : undefined;
      return succeeded(topic ? topic.help : MAIN_HELP);
    }
    if (name === '--version' || name === '-v') return succeeded(`${PROGRAM} ${version()}\n`);
    const command = COMMANDS.get(name);
    if (!command) {
      return badInput(
        `unknown command "${name}".`,
        `Commands: ${[...COMMANDS.keys()].join(', ')}. Run "${PROGRAM} --help".`,
      );
    }
    return command.run(rest, io);
  } catch (error) {
    const stack = typeof error === 'object' && error !== null && 'stack' in error ? error.stack : undefined;
    const detail = typeof stack === 'string' ? stack : messageOf(error);
    return {
      exitCode: EXIT.failure,
      stdout: '',
      stderr: `${PROGRAM}: internal error, please report it:\n${detail}\n`,
    };
  }
}

function version(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
      ? pkg.version
      : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The process entry: real argv, stdin and files; sets the exit code and lets output drain before exiting. */
export function main(): void {
  // `detect ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  const result = runCli(process.argv.slice(2), { stdin: () => readFileSync(0, 'utf8') });
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

if (typeof require !== 'undefined' && require.main === module) main();
