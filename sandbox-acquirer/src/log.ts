// The sandbox's log: one line per event, by level. Card numbers and CVV2 never reach it: callers
// pass order ids, statuses and last-four digits only.
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type SandboxLogLevel = (typeof LEVELS)[number];

export type SandboxLog = Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void>;

export const createSandboxLog = (level: string = 'info', write: (line: string) => void = (line) => console.log(line)): SandboxLog => {
  const threshold = Math.max(0, LEVELS.indexOf(level as SandboxLogLevel));
  const at = (name: SandboxLogLevel) => (message: string) => {
    if (LEVELS.indexOf(name) >= threshold) write(`${new Date().toISOString()} ${name.toUpperCase()} ${message}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
};
