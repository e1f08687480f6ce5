// A console address that leads nowhere (a mistyped link, a payment id that does not exist): HTTP 404.
import type { Metadata } from 'next';
import { ErrorNotice } from '../components/shell/error-notice';

export const metadata: Metadata = { title: 'Страница не найдена' };

const NotFound = () => (
  <ErrorNotice code="404" title="Страница не найдена">
    Такой страницы в консоли нет: возможно, ссылка неполная или платёж, претензия или запись с таким номером не существует. Найдите нужное через меню или поиск
    платежей.
  </ErrorNotice>
);

export default NotFound;
