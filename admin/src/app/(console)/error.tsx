'use client';
// A console page failed: the same notice, inside the menu, so the clerk can go on elsewhere.
import { ConsoleErrorNotice } from '~/components/shell/console-error-notice';

const ConsolePageError = ({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <ConsoleErrorNotice error={error} reset={reset} inShell />
);

export default ConsolePageError;
