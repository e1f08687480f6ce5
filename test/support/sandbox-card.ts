// Pays on the sandbox acquirer's pages the way a browser submits them (plain form posts), so
// workflow tests can go through the real card and 3-D Secure steps quickly. The browser itself
// is exercised by test/sandbox-acquirer.spec.ts.
export const SANDBOX_CARDS = {
  frictionless: '4111111111111111',
  otp: '4000000000003220',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  neverAnswers: '4000000000003063',
  acquirerDown: '4000000000000119',
} as const;

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  redirect: 'manual' as const,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const nextYear = String((new Date().getUTCFullYear() + 1) % 100).padStart(2, '0');

/** Submits the card form; returns where the acquirer sent the browser (the OTP page or our return URL). */
export const submitCard = async (paymentUrl: string, card: string): Promise<URL> => {
  const response = await fetch(paymentUrl, form({ holder: 'IVAN PETROV', number: card, expMonth: '12', expYear: nextYear, cvc: '123', action: 'pay' }));
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new Error(`the card page answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return new URL(location, paymentUrl);
};

/** The one-time code the sandbox shows on its challenge page. */
export const readOtp = async (otpUrl: URL): Promise<string> => {
  const html = await (await fetch(otpUrl)).text();
  const code = /data-testid="sandbox-otp">(\d{6})</.exec(html)?.[1];
  if (!code) throw new Error(`no one-time code on ${otpUrl}: ${html.slice(0, 300)}`);
  return code;
};

export const submitOtp = async (otpUrl: URL, code: string): Promise<Response> => fetch(otpUrl, form({ code, action: 'confirm' }));

export const cancelOnAcquirerPage = async (pageUrl: string | URL): Promise<URL> => {
  const response = await fetch(pageUrl, form({ action: 'cancel' }));
  return new URL(response.headers.get('location') ?? '', pageUrl);
};
