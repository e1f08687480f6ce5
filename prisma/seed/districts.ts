// The city of Omsk and the 32 municipal districts of the Omsk region, with their settlements.
import type { PrismaClient } from '../generated/client';
import type { DistrictKind, SettlementKind } from '../generated/enums';

type SettlementSeed = { name: string; kind: SettlementKind; isDistrictCentre?: boolean };
type DistrictSeed = { code: string; name: string; kind: DistrictKind; settlements: SettlementSeed[] };

// Shorthands matching how settlements are written on a bill: г., р.п., с., п./д.
const town = (name: string, isDistrictCentre = false): SettlementSeed => ({ name, kind: 'TOWN', isDistrictCentre });
const urban = (name: string, isDistrictCentre = false): SettlementSeed => ({ name, kind: 'URBAN_SETTLEMENT', isDistrictCentre });
const village = (name: string, isDistrictCentre = false): SettlementSeed => ({ name, kind: 'VILLAGE', isDistrictCentre });

const region = (code: string, name: string, ...settlements: SettlementSeed[]): DistrictSeed => ({
  code,
  name,
  kind: 'REGION_DISTRICT',
  settlements,
});

// Order is the order residents see (sortOrder = position): the city first, then the region's
// districts alphabetically. Names omit the word "район"; the UI adds it.
// Each district lists its administrative centre first. Settlements beyond the centres are a
// starting selection only: admins add the rest in the console.
export const DISTRICTS: readonly DistrictSeed[] = [
  { code: 'omsk', name: 'Омск', kind: 'CITY', settlements: [town('Омск', true)] },
  region('azovsky', 'Азовский немецкий национальный', village('Азово', true), village('Александровка'), village('Пришиб')),
  region('bolsherechensky', 'Большереченский', urban('Большеречье', true), village('Евгащино')),
  region('bolsheukovsky', 'Большеуковский', village('Большие Уки', true)),
  region('gorkovsky', 'Горьковский', urban('Горьковское', true)),
  region('znamensky', 'Знаменский', village('Знаменское', true)),
  region('isilkulsky', 'Исилькульский', town('Исилькуль', true)),
  region('kalachinsky', 'Калачинский', town('Калачинск', true)),
  region('kolosovsky', 'Колосовский', village('Колосовка', true)),
  region('kormilovsky', 'Кормиловский', urban('Кормиловка', true)),
  region('krutinsky', 'Крутинский', urban('Крутинка', true)),
  region('lyubinsky', 'Любинский', urban('Любинский', true), urban('Красный Яр')),
  region('maryanovsky', 'Марьяновский', urban('Марьяновка', true)),
  region('moskalensky', 'Москаленский', urban('Москаленки', true)),
  region('muromtsevsky', 'Муромцевский', urban('Муромцево', true), village('Бергамак')),
  region('nazyvaevsky', 'Называевский', town('Называевск', true)),
  region('nizhneomsky', 'Нижнеомский', village('Нижняя Омка', true)),
  region('novovarshavsky', 'Нововаршавский', urban('Нововаршавка', true)),
  region('odessky', 'Одесский', village('Одесское', true)),
  region('okoneshnikovsky', 'Оконешниковский', urban('Оконешниково', true)),
  // Its administrative centre is the city of Omsk, which is the separate CITY entry above.
  region('omsky', 'Омский', village('Морозовка'), village('Ачаир'), village('Лузино'), village('Ростовка'), urban('Чернолучинский')),
  region('pavlogradsky', 'Павлоградский', urban('Павлоградка', true)),
  region('poltavsky', 'Полтавский', urban('Полтавка', true)),
  region('russko-polyansky', 'Русско-Полянский', urban('Русская Поляна', true)),
  region('sargatsky', 'Саргатский', urban('Саргатское', true)),
  region('sedelnikovsky', 'Седельниковский', village('Седельниково', true)),
  region('tavrichesky', 'Таврический', urban('Таврическое', true)),
  region('tarsky', 'Тарский', town('Тара', true), village('Екатерининское')),
  region('tevrizsky', 'Тевризский', urban('Тевриз', true)),
  region('tyukalinsky', 'Тюкалинский', town('Тюкалинск', true), village('Кошкуль')),
  region('ust-ishimsky', 'Усть-Ишимский', village('Усть-Ишим', true), village('Загваздино')),
  region('cherlaksky', 'Черлакский', urban('Черлак', true)),
  region('sherbakulsky', 'Шербакульский', urban('Шербакуль', true)),
];

/**
 * Creates the districts and settlements that are missing. Rows that exist are left as they are:
 * after the first run admins own this data in the console, and a re-seed must not undo their edits.
 */
export const seedDistricts = async (prisma: PrismaClient): Promise<void> => {
  await prisma.district.createMany({
    data: DISTRICTS.map(({ code, name, kind }, sortOrder) => ({ code, name, kind, sortOrder })),
    skipDuplicates: true,
  });

  const districts = await prisma.district.findMany({
    where: { code: { in: DISTRICTS.map((d) => d.code) } },
    select: { id: true, code: true },
  });
  const idByCode = new Map(districts.map((d) => [d.code, d.id]));

  await prisma.settlement.createMany({
    data: DISTRICTS.flatMap((district) => {
      const districtId = idByCode.get(district.code);
      if (!districtId) throw new Error(`seedDistricts: district ${district.code} was not created`);
      return district.settlements.map((s, sortOrder) => ({
        districtId,
        name: s.name,
        kind: s.kind,
        isDistrictCentre: s.isDistrictCentre ?? false,
        sortOrder,
      }));
    }),
    skipDuplicates: true,
  });
};
