'use client';
// The site's root layout itself failed, so neither its frame nor the resident's language (read in
// that layout) is at hand: the message in Russian first, then English, from the same message files.
import enCommon from '../messages/en/common.json';
import ruCommon from '../messages/ru/common.json';
import './globals.css';

const LANGUAGES = [
  ['ru', ruCommon.error],
  ['en', enCommon.error],
] as const;

const GlobalError = ({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <html lang="ru">
    <body>
      <main id="main" className="container">
        {LANGUAGES.map(([lang, t]) => (
          <section key={lang} lang={lang} className="status-page" aria-labelledby={`status-title-${lang}`}>
            <h1 id={`status-title-${lang}`}>{t.title}</h1>
            <p>{t.text}</p>
            {error.digest ? <p className="status-page__digest">{t.digest.replace('{digest}', error.digest)}</p> : null}
            <p className="status-page__links">
              <button type="button" className="button button--primary" onClick={reset}>
                {t.retry}
              </button>
              <a href="/">{t.home}</a>
            </p>
          </section>
        ))}
      </main>
    </body>
  </html>
);

export default GlobalError;
