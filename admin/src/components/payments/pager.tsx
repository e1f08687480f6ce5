// Page links under a list: previous, a few numbers around the current page, next. Plain links, so
// paging works without JavaScript and each page has its own address.
import { Group, Text } from '@mantine/core';
import { AnchorLink } from './anchor-link';
import { hrefWith, type SearchParams } from './search-params';

export type PagerProps = { path: string; params: SearchParams; page: number; pageSize: number; total: number };

export const Pager = ({ path, params, page, pageSize, total }: PagerProps) => {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1)
    return (
      <Text size="sm" c="dimmed">
        Всего: {total}
      </Text>
    );
  const around = [page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages);
  return (
    <nav aria-label="Страницы списка">
      <Group gap="sm" wrap="wrap">
        <Text size="sm">
          Страница {page} из {pages} (всего {total})
        </Text>
        {page > 1 ? (
          <AnchorLink href={hrefWith(path, params, { page: page - 1 })} rel="prev">
            ← Предыдущая
          </AnchorLink>
        ) : null}
        {around.map((p) =>
          p === page ? (
            <Text key={p} size="sm" fw={700} aria-current="page">
              {p}
            </Text>
          ) : (
            <AnchorLink key={p} href={hrefWith(path, params, { page: p })} aria-label={`Страница ${p}`}>
              {String(p)}
            </AnchorLink>
          ),
        )}
        {page < pages ? (
          <AnchorLink href={hrefWith(path, params, { page: page + 1 })} rel="next">
            Следующая →
          </AnchorLink>
        ) : null}
      </Group>
    </nav>
  );
};
