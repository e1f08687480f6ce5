'use client';
// The console's error boundaries (app/error.tsx, app/(console)/error.tsx) say this: a page failed
// on the server or in the browser. What went wrong is in the server log, under the digest shown.
import { ErrorNotice } from './error-notice';

export type ConsoleErrorNoticeProps = { error: Error & { digest?: string }; reset: () => void; inShell?: boolean };

export const ConsoleErrorNotice = ({ error, reset, inShell = false }: ConsoleErrorNoticeProps) => (
  <ErrorNotice code="500" title="Не удалось открыть страницу" digest={error.digest} onRetry={reset} inShell={inShell}>
    На сервере консоли произошла ошибка, и страница не открылась. Попробуйте ещё раз; если ошибка повторяется, сообщите администратору консоли код ниже.
  </ErrorNotice>
);
