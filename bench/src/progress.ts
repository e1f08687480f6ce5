// The one progress line while the benchmark runs: rewritten in place on a terminal, a line every
// ten seconds otherwise (CI logs, `npm test`).
const isTty = Boolean(process.stderr.isTTY);
let lastPrinted = 0;
let lastLength = 0;

export const progress = (text: string, { force = false }: { force?: boolean } = {}) => {
  const now = Date.now();
  if (isTty) {
    process.stderr.write(`\r${text.padEnd(lastLength)}`);
    lastLength = text.length;
    return;
  }
  if (force || now - lastPrinted >= 10_000) {
    process.stderr.write(`${text}\n`);
    lastPrinted = now;
  }
};

/** Ends the in-place line so the next output starts on its own. */
export const progressDone = () => {
  if (isTty && lastLength > 0) process.stderr.write('\n');
  lastLength = 0;
};

export const say = (text: string) => {
  progressDone();
  process.stderr.write(`▸ ${text}\n`);
};
