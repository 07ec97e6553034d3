import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyone, targets, type FeatureCases, type Target, type Who } from './matrix.js';
import { buildWorld, type World } from './world.js';

/**
 * Runs every cell of one feature's authorization matrix against the real app on a real database, one cell at a
 * time (the journal check needs that), each on a fresh target. An allowed cell must write exactly the journal
 * entries its route declares and change its target; a refused one must leave its target rows and the journal as
 * they were. Each feature runs its own cases in its own file, so the matrix runs in parallel.
 */
export function runAuthorizationMatrix(feature: string, cases: FeatureCases): void {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
    await cases.setUp?.(world);
  }, 60_000);

  afterAll(async () => {
    await world?.testApp.close();
  });

  /** The types of the entries appended after `seq`, in order. */
  const entriesAfter = async (seq: string): Promise<string[]> =>
    (await world.db.selectFrom('journal').select('type').where('seq', '>', seq).orderBy('seq').execute()).map((row) => row.type);
  const head = async (): Promise<string> =>
    (await world.db.selectFrom('journal').select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.val('0')).as('seq')).executeTakeFirstOrThrow()).seq;

  const cells = Object.entries(cases.routes).flatMap(([key, { row }]) =>
    everyone.flatMap((who) => targets.filter((target) => row[who][target] !== undefined).map((target) => ({ key, who, target, expected: row[who][target] as number }))),
  );

  describe(`authorization matrix of ${feature}: ${cells.length} cells`, () => {
    for (const { key, who, target, expected } of cells) {
      const cellId = `${key} ${who} ${target}`;
      const defect = cases.knownDefects?.[cellId];
      it(`${key} · ${who} · ${target} → ${expected}${defect ? ` (known defect: answers ${defect.answers}, ${defect.why})` : ''}`, async () => {
        const routeCase = cases.routes[key]!;
        const cell = await routeCase.driver(who, target, world);
        const before = await head();
        const rowsBefore = await cell.snapshot?.();

        const response = await cell.client.request(cell.method, cell.url, cell.body, cell.headers);
        if (defect) {
          expect(response.statusCode, `${cellId}: the known defect no longer shows; if it is fixed, remove it from knownDefects`).toBe(defect.answers);
          return;
        }
        expect(response.statusCode, `${cellId}: ${response.body.slice(0, 300)}`).toBe(expected);

        const allowed = response.statusCode >= 200 && response.statusCode < 300;
        const written = await entriesAfter(before);
        if (allowed) {
          expect(written, `${cellId}: the journal entries an allowed call writes`).toEqual(writesOf(routeCase.writes, who, target, world));
          if (cell.snapshot && cell.method !== 'GET') expect(await cell.snapshot(), `${cellId}: an allowed act changes its target`).not.toEqual(rowsBefore);
        } else {
          expect(written, `${cellId}: a refused call writes ${cell.journalsRefusal ? 'only its refusal' : 'no journal entry'}`).toEqual(cell.journalsRefusal ?? []);
          if (cell.snapshot) expect(await cell.snapshot(), `${cellId}: a refused act changes nothing`).toEqual(rowsBefore);
        }
      });
    }
  });
}

function writesOf(writes: FeatureCases['routes'][string]['writes'], who: Who, target: Target, world: World): readonly string[] {
  if (writes === undefined) return [];
  return typeof writes === 'function' ? writes(who, target, world) : writes;
}
