import type { ProxyStore } from '../cache.js';

/** A store operation that failed (threw or rejected): the proxy answers 503 `store_unavailable`. */
export class StoreUnavailableError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`The proxy's store failed (${operation}).`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * `run()`, its failure (thrown or rejected) as a {@link StoreUnavailableError}. A store that
 * answers at once (the memory store) is answered at once: no promise is made for it.
 */
function guarded<T>(operation: string, run: () => T | Promise<T>): T | Promise<T> {
  let result: T | Promise<T>;
  try {
    result = run();
  } catch (error) {
    return Promise.reject(new StoreUnavailableError(operation, error));
  }
  // any thenable a custom store returns counts as a promise, as `await` would take it
  if (typeof (result as { then?: unknown } | null | undefined)?.then !== 'function') return result as T;
  return Promise.resolve(result).catch((error: unknown) => {
    throw new StoreUnavailableError(operation, error);
  });
}

/**
 * `store` with every failure, thrown or rejected, turned into a {@link StoreUnavailableError},
 * so a stage never has to tell a store failure from its own bug. Marker operations stay
 * absent when the store has none.
 */
export function guardStore(store: ProxyStore): ProxyStore {
  const { readMarker, changeMarker, setIfMarker } = store;
  return {
    get: (key) => guarded('get', () => store.get(key)),
    set: (key, value, ttlMs) => guarded('set', () => store.set(key, value, ttlMs)),
    delete: (key) => guarded('delete', () => store.delete(key)),
    increment: (key, windowMs) => guarded('increment', () => store.increment(key, windowMs)),
    ...(readMarker === undefined
      ? {}
      : { readMarker: (key, ttlMs) => guarded('readMarker', () => readMarker.call(store, key, ttlMs)) }),
    ...(changeMarker === undefined
      ? {}
      : {
          changeMarker: (key, ttlMs) => guarded('changeMarker', () => changeMarker.call(store, key, ttlMs)),
        }),
    ...(setIfMarker === undefined
      ? {}
      : {
          setIfMarker: (key, value, ttlMs, guard) =>
            guarded('setIfMarker', () => setIfMarker.call(store, key, value, ttlMs, guard)),
        }),
  };
}
