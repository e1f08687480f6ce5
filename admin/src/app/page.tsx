import { env } from '~/env';
import type { TGetHealthResponse } from '~/server/api/routers/system/get-health.types';
import { api } from '~/trpc/server';

// Reachability must be measured per request, never at build time.
export const dynamic = 'force-dynamic';

type ComponentHealth = TGetHealthResponse['checks']['database'];

const checkedAtFormat = new Intl.DateTimeFormat('ru-RU', {
  dateStyle: 'long',
  timeStyle: 'medium',
  timeZone: 'Asia/Omsk',
});

const StatusRow = ({ name, health }: { name: string; health: ComponentHealth }) => (
  <tr>
    <th scope="row">{name}</th>
    <td className={health.ok ? 'status status--ok' : 'status status--down'}>
      <span aria-hidden="true">{health.ok ? '✓' : '✗'}</span> {health.ok ? 'доступна' : 'недоступна'}
    </td>
    <td className="num">{health.latencyMs} мс</td>
    <td className="detail">{health.ok ? '' : health.error}</td>
  </tr>
);

const HomePage = async () => {
  const health = await api.system.getHealth();
  const temporalUiUrl = env.TEMPORAL_UI_URL;

  return (
    <>
      <h1>Voltpay — консоль сотрудников</h1>

      <section aria-labelledby="status-title" className="panel">
        <h2 id="status-title">Состояние системы</h2>
        <p className={health.status === 'ok' ? 'summary summary--ok' : 'summary summary--down'} role="status">
          {health.status === 'ok' ? 'Все компоненты доступны.' : 'Есть недоступные компоненты.'}
        </p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Компонент</th>
                <th scope="col">Состояние</th>
                <th scope="col">Задержка</th>
                <th scope="col">Ошибка</th>
              </tr>
            </thead>
            <tbody>
              <StatusRow name="База данных" health={health.checks.database} />
              <StatusRow name="Temporal" health={health.checks.temporal} />
            </tbody>
          </table>
        </div>
        <p className="muted">
          Проверено: <time dateTime={health.checkedAt}>{checkedAtFormat.format(new Date(health.checkedAt))}</time> (время
          омское)
        </p>
        {temporalUiUrl ? (
          <p>
            <a href={temporalUiUrl} target="_blank" rel="noreferrer">
              Temporal UI
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
};

export default HomePage;
