'use client';
// Any console page that failed, the sign-in pages included: a Russian message and a way back,
// never Next's English error page; the detail stays in the server log.
import { ConsoleErrorNotice } from '../components/shell/console-error-notice';

const ConsoleError = ({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) => <ConsoleErrorNotice error={error} reset={reset} />;

export default ConsoleError;
