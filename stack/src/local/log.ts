// What the stack scripts print: their own steps through the shared pino logger, and each child's
// lines prefixed with its name. Every process writes pino JSON lines; here, for the person at the
// terminal, pino-pretty renders them (a devDependency: the stack is the development tool).
import { createLogger } from '@voltpay/logger';
import pretty, { prettyFactory } from 'pino-pretty';
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (style: Style, text: string) => (colour ? styleText(style, text) : text);

const PRETTY_OPTIONS = { colorize: colour, ignore: 'pid,hostname,name', translateTime: 'SYS:HH:MM:ss', singleLine: true } as const;

const stack = createLogger({ name: 'stack', destination: pretty({ ...PRETTY_OPTIONS, sync: true }) });
const render = prettyFactory(PRETTY_OPTIONS);

/** A child's line rendered for people when it is one of our JSON log lines; anything else as it came. */
export const prettyLine = (line: string): string => {
  if (!line.startsWith('{"level":')) return line;
  try {
    return render(JSON.parse(line) as Record<string, unknown>).trimEnd();
  } catch {
    return line;
  }
};

export const log = {
  step: (text: string) => stack.info(`${paint('cyan', '▸')} ${text}`),
  ok: (text: string) => stack.info(`${paint('green', '✓')} ${text}`),
  warn: (text: string) => stack.warn(text),
  error: (text: string) => stack.error(text),
  detail: (text: string) => stack.info(paint('dim', `  ${text}`)),
  bold: (text: string) => paint('bold', text),
  /** Prefixes every line a child process prints with its name. */
  prefixed: (name: string, style: Style) => {
    const prefix = paint(style, `${name.padEnd(9)}│`);
    return (line: string) => console.log(`${prefix} ${prettyLine(line)}`);
  },
};

/** Runs a slow step and says how long it took. */
export const timedStep = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  log.step(`${label}…`);
  const started = Date.now();
  const result = await run();
  log.ok(`${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
};
