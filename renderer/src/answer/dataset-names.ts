/**
 * Names of every stored dataset, for texts that name a dataset by id: a blocking problem's fix may offer a dataset
 * the study does not link (a population table, say), so the answer's own datasets are not enough. An id never
 * reaches the screen: a dataset that no longer exists is called so.
 */
import { useEffect, useState } from 'react';
import type { AntalDatabase } from '../db/database';

/** id → name of every stored dataset (the records only: no cells are read). */
export async function loadDatasetNames(db: AntalDatabase): Promise<Map<string, string>> {
  const records = await db.datasets.toArray();
  return new Map(records.map((r) => [r.id, r.name]));
}

/**
 * Names a dataset by id: from the datasets at hand first (they may be newer than the stored names), then every
 * stored dataset, else `missing` (a deleted dataset).
 */
export function datasetNamer(known: readonly { id: string; name: string }[], stored: ReadonlyMap<string, string>, missing: string): (id: string) => string {
  return (id) => known.find((d) => d.id === id)?.name ?? stored.get(id) ?? missing;
}

/** The stored datasets' names, loaded once per database (empty until loaded). */
export function useDatasetNames(db: AntalDatabase): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    let live = true;
    loadDatasetNames(db).then(
      (loaded) => live && setNames(loaded),
      // The names only label buttons: without them the known datasets are still named, others as missing.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [db]);
  return names;
}
