// The console's cookie names. web (:3000) and admin (:3001) share the `localhost` cookie jar (cookies
// ignore ports), so every next-auth cookie of the console carries its own `voltpay-staff` prefix.

/** Over https the browser enforces the __Secure-/__Host- prefixes' promises (Secure, no Domain). */
export const isSecureOrigin = (publicUrl: string) => new URL(publicUrl).protocol === 'https:';

export const staffCookieNames = (publicUrl: string) => {
  const secure = isSecureOrigin(publicUrl);
  return {
    sessionToken: `${secure ? '__Secure-' : ''}voltpay-staff.session-token`,
    callbackUrl: `${secure ? '__Secure-' : ''}voltpay-staff.callback-url`,
    csrfToken: `${secure ? '__Host-' : ''}voltpay-staff.csrf-token`,
    pkceCodeVerifier: `${secure ? '__Secure-' : ''}voltpay-staff.pkce.code_verifier`,
    state: `${secure ? '__Secure-' : ''}voltpay-staff.state`,
    nonce: `${secure ? '__Secure-' : ''}voltpay-staff.nonce`,
    webauthnChallenge: `${secure ? '__Secure-' : ''}voltpay-staff.challenge`,
  };
};

/** Reads one cookie from a Cookie header (what route handlers, RSC and tests all have). */
export const readCookie = (headers: Headers, name: string): string | undefined => {
  const header = headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
};
