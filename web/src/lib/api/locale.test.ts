import { describe, expect, it } from 'vitest';
import { pickFromAcceptLanguage, resolveLocale } from './locale';

const request = (url: string, acceptLanguage?: string) => ({
  url,
  headers: new Headers(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
});

describe('pickFromAcceptLanguage', () => {
  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['de-DE,de;q=0.9,en;q=0.5,ru;q=0.4', 'en'],
    ['en;q=0.3,ru;q=0.7', 'ru'],
    ['EN', 'en'],
    ['ru;q=0,en;q=0.1', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(pickFromAcceptLanguage(header)).toBe(expected);
  });

  it.each([null, '', 'de,fr', '*', 'en;q=abc', 'ru;q=0'])('%s names none of ours', (header) => {
    expect(pickFromAcceptLanguage(header)).toBeNull();
  });

  it('keeps the header order between equal weights', () => {
    expect(pickFromAcceptLanguage('en, ru')).toBe('en');
    expect(pickFromAcceptLanguage('ru, en')).toBe('ru');
  });
});

describe('resolveLocale', () => {
  it('is Russian by default', () => {
    expect(resolveLocale(request('http://x/api/v1/districts'))).toBe('ru');
  });

  it('follows Accept-Language', () => {
    expect(resolveLocale(request('http://x/api/v1/districts', 'en-GB,en;q=0.9'))).toBe('en');
  });

  it('lets ?lang= win over the header, and ignores a language we do not speak', () => {
    expect(resolveLocale(request('http://x/a?lang=ru', 'en'))).toBe('ru');
    expect(resolveLocale(request('http://x/a?lang=EN', 'ru'))).toBe('en');
    expect(resolveLocale(request('http://x/a?lang=de', 'en'))).toBe('en');
  });
});
