'use client';
// Keeps an active member of staff signed in past the first hours (next-auth moves the session's
// expiry forward, at most hourly, when /api/auth/session is read) and notices at once when the
// session ended elsewhere (expired, signed out in another tab, deactivated by an admin).
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const EVERY_MS = 10 * 60 * 1000;

export const SessionKeepAlive = () => {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const response = await fetch('/api/auth/session', { cache: 'no-store' });
        const session: unknown = response.ok ? await response.json() : {};
        // No session: re-render, and the page's guard sends the browser to the sign-in page.
        if (!stopped && session === null) router.refresh();
      } catch {
        // Offline for a moment: the next check will tell.
      }
    };
    // check() catches its own failures: fired and forgotten.
    const checkNow = () => void check();
    checkNow();
    const timer = window.setInterval(checkNow, EVERY_MS);
    document.addEventListener('visibilitychange', checkNow);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', checkNow);
    };
  }, [router]);
  return null;
};
