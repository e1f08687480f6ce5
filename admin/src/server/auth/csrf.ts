// Cross-site request forgery guard of the tRPC endpoint: a state-changing request (POST: every
// mutation) must come from a page of this console. Browsers always send Origin on a POST, so a
// missing or foreign one is refused; SameSite=lax on the session cookie is the second layer.
import { TRPCError } from '@trpc/server';

export const isSameOriginRequest = ({ method, headers, publicUrl }: { method: string; headers: Headers; publicUrl: string }) => {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return true;
  const origin = headers.get('origin');
  return origin !== null && origin === new URL(publicUrl).origin;
};

export const assertSameOrigin = (options: { method: string; headers: Headers; publicUrl: string }) => {
  if (!isSameOriginRequest(options)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Запрос пришёл не со страницы консоли (проверка Origin).' });
};
