// What the stack scripts print: one line per step, prefixed, coloured when the terminal allows.
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

const paint = (style: Style, text: string) => (process.stdout.isTTY && !process.env.NO_COLOR ? styleText(style, text) : text);

export const log = {
  step: (text: string) => console.log(`${paint('cyan', '▸')} ${text}`),
  ok: (text: string) => console.log(`${paint('green', '✓')} ${text}`),
  warn: (text: string) => console.warn(`${paint('yellow', '!')} ${text}`),
  error: (text: string) => console.error(`${paint('red', '✗')} ${text}`),
  detail: (text: string) => console.log(paint('dim', `  ${text}`)),
  bold: (text: string) => paint('bold', text),
  /** Prefixes every line a child process prints with its name. */
  prefixed: (name: string, style: Style) => {
    const prefix = paint(style, `${name.padEnd(9)}│`);
    return (line: string) => console.log(`${prefix} ${line}`);
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
