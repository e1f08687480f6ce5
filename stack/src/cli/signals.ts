// Ctrl-C in a terminal reaches every process of the foreground group (npm, our bootstrap, us), so
// one key press can arrive here several times: the first asks for an orderly stop, later ones
// are ignored, and the third forces an exit for someone who really means it.
export const onStopRequest = (handler: (signal: NodeJS.Signals) => void) => {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received += 1;
    if (received === 1) handler(signal);
    else if (received >= 3) process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
};
