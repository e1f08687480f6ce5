// Which language an API answer speaks: `?lang=` wins, then Accept-Language, then Russian.
import type { Locale } from '@voltpay/domain';

export const LOCALES: readonly Locale[] = ['ru', 'en'];
export const DEFAULT_LOCALE: Locale = 'ru';

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** The supported language an Accept-Language header prefers most, or null when it names none of ours. */
export const pickFromAcceptLanguage = (header: string | null | undefined): Locale | null => {
  if (!header) return null;
  let best: { locale: Locale; quality: number } | null = null;
  for (const part of header.split(',')) {
    const [range = '', ...parameters] = part.trim().split(';');
    const language = range.trim().toLowerCase().split('-')[0] ?? '';
    if (!isLocale(language)) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    if (!Number.isFinite(quality) || quality <= 0 || quality > 1) continue;
    // Equal weights keep the header's order, as RFC 9110 intends.
    if (!best || quality > best.quality) best = { locale: language, quality };
  }
  return best?.locale ?? null;
};

/** `?lang=ru|en` (e.g. from a link or the benchmark), else Accept-Language, else Russian. */
export const resolveLocale = (request: Pick<Request, 'url' | 'headers'>): Locale => {
  const lang = new URL(request.url).searchParams.get('lang')?.trim().toLowerCase();
  if (lang && isLocale(lang)) return lang;
  return pickFromAcceptLanguage(request.headers.get('accept-language')) ?? DEFAULT_LOCALE;
};
