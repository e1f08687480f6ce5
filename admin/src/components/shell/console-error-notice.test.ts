import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ConsoleError from '~/app/error';
import NotFound from '~/app/not-found';

const render = (element: ReturnType<typeof createElement>) => renderToStaticMarkup(createElement(MantineProvider, null, element));

describe('the console’s own error pages', () => {
  it('a failed page says so in Russian with a way back and the digest, never the error itself', () => {
    const error = Object.assign(new Error('TRPCError BAD_REQUEST path ["amount"] expected string, received number'), { digest: '2718281828' });
    const html = render(createElement(ConsoleError, { error, reset: () => undefined }));
    expect(html).toContain('Не удалось открыть страницу');
    expect(html).toContain('Попробовать ещё раз');
    expect(html).toMatch(/<a[^>]*href="\/"[^>]*>.*На главную консоли/);
    expect(html).toContain('2718281828');
    expect(html).not.toContain('BAD_REQUEST');
    expect(html).not.toContain('expected string');
  });

  it('a missing page is a Russian 404 with the way back', () => {
    const html = render(createElement(NotFound));
    expect(html).toContain('Страница не найдена');
    expect(html).toMatch(/<a[^>]*href="\/"[^>]*>.*На главную консоли/);
  });
});
