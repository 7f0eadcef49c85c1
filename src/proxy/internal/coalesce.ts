/** Runs at most one `task` per key at a time; callers arriving meanwhile share its result. */
export interface Coalescer<T> {
  run(key: string, task: () => Promise<T>): Promise<{ value: T; shared: boolean }>;
}

export function createCoalescer<T>(): Coalescer<T> {
  const pending = new Map<string, Promise<T>>();
  return {
    async run(key, task) {
      const existing = pending.get(key);
      if (existing) return { value: await existing, shared: true };
      const promise = task().finally(() => pending.delete(key));
      pending.set(key, promise);
      return { value: await promise, shared: false };
    },
  };
}
