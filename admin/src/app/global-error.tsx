'use client';
// The console's root layout itself failed, so nothing of it (Mantine, the menu) can be used: plain
// HTML with the same Russian message and a way back. The detail is in the server log.
const GlobalError = ({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <html lang="ru">
    <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '2rem', color: '#1a1b1e' }}>
      <main id="main" style={{ maxWidth: '32rem', margin: '10vh auto', textAlign: 'center' }}>
        <p style={{ color: '#5c5f66', fontWeight: 700 }}>500</p>
        <h1>Консоль не открылась</h1>
        <p>На сервере консоли произошла ошибка. Попробуйте ещё раз; если ошибка повторяется, сообщите администратору консоли код ниже.</p>
        {error.digest ? <p style={{ color: '#5c5f66' }}>Код для администратора: {error.digest}</p> : null}
        <p>
          <button type="button" onClick={reset} style={{ marginRight: '1rem' }}>
            Попробовать ещё раз
          </button>
          <a href="/">На главную консоли</a>
        </p>
      </main>
    </body>
  </html>
);

export default GlobalError;
