/**
 * The part of `@tanstack/query-core` the data layer uses, for the embed build only, which aliases
 * `@tanstack/query-core` here (query-core costs ~9 KB gzip of a 45 KB budget; this ~2 KB). The
 * React build keeps the real query-core; the hook and component suites also run against this
 * module under Preact (`npx vitest run -c src/embed/lean/vitest.config.ts`), and the embed's
 * Chromium tests run it in the built script.
 *
 * Same rules as query-core for what the hooks rely on: one query per key hash, shared by its
 * observers; fetch on mount when stale (or failed without data); `staleTime` and
 * `refetchInterval` as functions of the query, the interval re-armed on every update and skipped
 * in hidden tabs; refetch of stale queries on focus and reconnect while the client is mounted; fetches and mutations pause offline; structural sharing
 * of data and memoised `select`; tracked result fields; `invalidateQueries` marks stale and
 * refetches active queries (replacing a running refetch); `cancelQueries` and the last observer
 * leaving abort the request and revert; inactive queries dropped after 5 minutes. Left out:
 * retries (every query and mutation here sets `retry: false`), infinite queries, placeholders,
 * suspense, hydration, defaults setters, what only restoring persisted data would use (exact
 * filters, `refetchType`, `updatedAt`), what the data layer's keys and functions never need
 * (sorted object keys in hashes, object parts in filters, the function context beyond the
 * `signal`; options it never sets: `enabled` as a function, `refetchOnMount`,
 * `refetchOnWindowFocus`, `refetchOnReconnect`, `refetchIntervalInBackground`,
 * `notifyOnChangeProps`; every observer asks for optimistic results), and result and state fields nothing here reads (`isLoading`, `isStale`, `isFetching`,
 * `dataUpdatedAt`, `failureCount`, a mutation's `context`, `submittedAt` and `reset`, …): a query's
 * result has `status`, `fetchStatus`, `isPending`, `data`, `error` and `refetch`, a mutation's
 * `status`, `isPending`, `isSuccess`, `isPaused`, `data`, `error`, `variables` and `mutate`.
 *
 * Members named `$…` are internal: the embed build mangles them (`mangleProps`).
 */

type Key = readonly unknown[];
type Data = unknown;
type Listener = () => void;
type Status = 'pending' | 'success' | 'error';
type OrFn<T> = T | ((query: Query) => T);

interface QueryState {
  data: Data;
  dataUpdatedAt: number;
  error: unknown;
  errorUpdatedAt: number;
  status: Status;
  fetchStatus: 'idle' | 'fetching' | 'paused';
  isInvalidated: boolean;
}

/** Observer options as the hooks give them (after `defaultQueryOptions`). */
export interface QueryOptions {
  queryKey: Key;
  queryHash?: string;
  queryFn?: (context: { signal: AbortSignal }) => Promise<Data>;
  /** Never a function in the data layer. */
  enabled?: boolean;
  staleTime?: OrFn<number>;
  refetchInterval?: OrFn<number | false>;
  select?: (data: Data) => Data;
  [option: string]: unknown;
}

/** A result as the hooks return it (query-core's field names). */
type Result = Record<string, unknown>;

const noop = () => {};
// query-core also checks `Object.prototype.toString`; the data (decoded API answers) has no
// `Symbol.toStringTag` that could make it differ
const isPlainObject = (o: unknown): o is Record<string, unknown> =>
  !!o && [Object.prototype, null].includes(Object.getPrototypeOf(o));
const resolve = <T>(value: OrFn<T> | undefined, query: Query): T | undefined =>
  typeof value === 'function' ? (value as (q: Query) => T)(query) : value;
const enabled = (options: QueryOptions) => options.enabled !== false;
/**
 * Whether a fetch is due: enabled and stale. On mount, on focus and on reconnect alike: a query
 * without data is stale (query-core's "or failed without data"), and the data layer leaves
 * `refetchOnMount`, `refetchOnWindowFocus` and `refetchOnReconnect` at their default, `true`.
 */
const due = (query: Query, options: QueryOptions) =>
  enabled(options) && query.$isStale(resolve(options.staleTime, query));
/** The fields of `next` that differ from `prev`'s (all of them without `prev`). */
const changedKeys = (next: Result, prev: Result | undefined) =>
  Object.keys(next).filter((key) => !prev || next[key] !== prev[key]);

/**
 * query-core's key hash is JSON with object keys sorted; the data layer's keys (src/query/keys.ts)
 * hold strings and at most one object, with one key (`{ platform }`), so plain JSON is the same.
 */
const hashKey = (key: Key): string => JSON.stringify(key);

/** query-core's structural sharing: `b`, reusing every part of `a` that is deeply equal. */
function replaceEqualDeep(a: unknown, b: unknown): unknown {
  if (a === b) return a;
  const array = Array.isArray(a) && Array.isArray(b);
  if (!array && !(isPlainObject(a) && isPlainObject(b))) return b;
  const from = a as Record<string, unknown>;
  const to = b as Record<string, unknown>;
  const copy = (array ? [] : {}) as Record<string, unknown>;
  let equal = 0;
  for (const key of Object.keys(to)) {
    copy[key] = replaceEqualDeep(from[key], to[key]);
    if (copy[key] === from[key] && Object.hasOwn(from, key)) equal++;
  }
  return Object.keys(from).length === equal && equal === Object.keys(to).length ? a : copy;
}

// the network, followed while any client is mounted (query-core's onlineManager starts online too)
let online = true;
const onlineWaiters: Listener[] = [];
const whenOnline = () => new Promise<void>((done) => (online ? done() : onlineWaiters.push(done)));
function setOnline(value: boolean): void {
  online = value;
  if (value) for (const done of onlineWaiters.splice(0)) done();
}
const isFocused = () => document.visibilityState !== 'hidden';

/** query-core's onlineManager, as far as tests drive it (clients follow `online`/`offline` events). */
export const onlineManager = { setOnline, isOnline: () => online };

// subscribers hear of changes in a microtask, in order (query-core's notifyManager batches them too)
const queue: Listener[] = [];

/**
 * query-core's notifyManager: `batchCalls` defers a listener to the next batch. The observers here
 * call their listeners without arguments, so there are none to pass on.
 */
export const notifyManager = {
  batchCalls: (fn: Listener) => () => {
    if (queue.push(fn) > 1) return;
    queueMicrotask(() => {
      for (const listener of queue.splice(0)) listener();
    });
  },
};

/** Why a fetch stopped early: the state from before it is put back (never leaves this module). */
const CANCELLED = {};

class Query {
  state: QueryState = {
    data: undefined,
    dataUpdatedAt: 0,
    error: null,
    errorUpdatedAt: 0,
    status: 'pending',
    fetchStatus: 'idle',
    isInvalidated: false,
  };
  $observers: QueryObserver[] = [];
  declare $revertState: QueryState | undefined;
  declare $promise: Promise<Data> | undefined;
  declare $abort: ((reason: unknown) => void) | undefined;
  declare $gc: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly $cache: Map<string, Query>,
    public $options: QueryOptions,
  ) {
    this.$scheduleGc();
  }

  $set(patch: Partial<QueryState>): void {
    this.state = { ...this.state, ...patch };
    for (const observer of [...this.$observers]) observer.$onQueryUpdate();
  }

  $setData(data: Data, manual = false): void {
    this.$set({
      data: replaceEqualDeep(this.state.data, data),
      dataUpdatedAt: Date.now(),
      error: null,
      isInvalidated: false,
      status: 'success',
      ...(manual ? {} : { fetchStatus: 'idle' }),
    });
    // a cancelled fetch goes back to data set by hand meanwhile, as in query-core
    if (manual) this.$revertState = this.state;
  }

  $isStale(staleTime = 0): boolean {
    const { data, isInvalidated, dataUpdatedAt } = this.state;
    return data === undefined || isInvalidated || dataUpdatedAt + staleTime <= Date.now();
  }

  $addObserver(observer: QueryObserver): void {
    if (!this.$observers.includes(observer)) this.$observers.push(observer);
    clearTimeout(this.$gc);
  }

  $removeObserver(observer: QueryObserver): void {
    this.$observers = this.$observers.filter((o) => o !== observer);
    if (this.$observers.length > 0) return;
    // nobody shows it any more: the request is aborted (the query functions pass the signal on)
    void this.$cancel();
    this.$scheduleGc();
  }

  $scheduleGc(): void {
    clearTimeout(this.$gc);
    this.$gc = setTimeout(() => {
      // the options' hash is this query's: only options with its hash ever reach it
      const hash = this.$options.queryHash as string;
      if (!this.$observers.length && this.state.fetchStatus === 'idle' && this.$cache.get(hash) === this) {
        this.$cache.delete(hash);
      }
    }, 300_000);
  }

  $cancel(): Promise<void> {
    const promise = this.$promise;
    if (!promise) return Promise.resolve();
    this.$abort?.(CANCELLED);
    return promise.then(noop, noop);
  }

  $fetch(options?: QueryOptions, replaceRunning = false): Promise<Data> {
    if (options) this.$options = options;
    if (this.$promise) {
      if (!replaceRunning || this.state.data === undefined) return this.$promise;
      void this.$cancel();
    }
    const controller = new AbortController();
    const cancelled = new Promise<never>((_, reject) => {
      this.$abort = (reason) => {
        controller.abort();
        reject(reason);
      };
    });
    this.$revertState = this.state;
    this.$set({
      fetchStatus: online ? 'fetching' : 'paused',
      ...(this.state.data === undefined && { error: null, status: 'pending' as const }),
    });
    const run = async (): Promise<Data> => {
      if (!online) {
        await Promise.race([whenOnline(), cancelled]);
        this.$set({ fetchStatus: 'fetching' });
      }
      // every query of the data layer has a queryFn (query-core's "Missing queryFn" is for apps)
      const queryFn = this.$options.queryFn as NonNullable<QueryOptions['queryFn']>;
      // only the signal: the data layer's query functions read nothing else of query-core's context
      return Promise.race([queryFn({ signal: controller.signal }), cancelled]);
    };
    // a fetch replaced by a newer one (a silent cancel) leaves the state to that one
    const current = () => {
      if (this.$promise !== promise) return false;
      this.$promise = undefined;
      return true;
    };
    const promise: Promise<Data> = run().then(
      // nothing reads what a fetch resolves with: the state has the data
      (data) => {
        if (current()) this.$setData(data);
      },
      (error: unknown) => {
        if (current()) {
          this.$set(
            error === CANCELLED
              ? { ...this.$revertState, fetchStatus: 'idle' }
              : {
                  error,
                  errorUpdatedAt: Date.now(),
                  fetchStatus: 'idle',
                  status: 'error',
                  isInvalidated: true,
                },
          );
        }
        throw error;
      },
    );
    this.$promise = promise;
    return promise;
  }
}

/** query-core's `QueryObserver`: one component's view of one query. */
export class QueryObserver {
  $query: Query;
  $listeners = new Set<Listener>();
  declare $result: Result | undefined;
  $tracked = new Set<PropertyKey>();
  declare $select: [fn: (data: Data) => Data, from: Data, to: Data] | undefined;
  declare $interval: ReturnType<typeof setInterval> | undefined;

  // the hooks give options they defaulted themselves (`defaultQueryOptions`), here and to setOptions
  constructor(
    readonly $client: QueryClient,
    public $options: QueryOptions,
  ) {
    this.$query = $client.$build($options);
  }

  subscribe(listener: Listener): Listener {
    this.$listeners.add(listener);
    if (this.$listeners.size === 1) {
      this.$query.$addObserver(this);
      if (due(this.$query, this.$options)) this.$fetch();
      else this.$updateResult();
      this.$updateTimers();
    }
    return () => {
      this.$listeners.delete(listener);
      if (!this.$listeners.size) {
        clearInterval(this.$interval);
        this.$query.$removeObserver(this);
      }
    };
  }

  setOptions(options: QueryOptions): void {
    const prevOptions = this.$options;
    const prevQuery = this.$query;
    const mounted = this.$listeners.size > 0;
    this.$options = options;
    const query = this.$client.$build(options);
    this.$query = query;
    query.$options = options;
    if (mounted && query !== prevQuery) {
      prevQuery.$removeObserver(this);
      query.$addObserver(this);
    }
    if (mounted && (query !== prevQuery || !enabled(prevOptions)) && due(query, this.$options)) {
      this.$fetch();
    }
    this.$updateResult();
    if (mounted) this.$updateTimers();
  }

  getOptimisticResult(options: QueryOptions): Result {
    const result = this.$createResult(this.$client.$build(options), options);
    // as query-core: what the next render shows is what later updates are compared with
    if (changedKeys(result, this.$result).length) this.$result = result;
    return result;
  }

  getCurrentResult(): Result {
    this.$result ??= this.$createResult(this.$query, this.$options);
    return this.$result;
  }

  trackResult(result: Result): Result {
    return new Proxy(result, {
      get: (target, key) => {
        this.$tracked.add(key);
        return Reflect.get(target, key);
      },
    });
  }

  refetch = (): Promise<Result> => this.$fetch(true).then(() => this.getCurrentResult());

  $onQueryUpdate(): void {
    this.$updateResult();
    if (this.$listeners.size) this.$updateTimers();
  }

  /** Focus came back or the network did: refetch when stale (query-core's defaults). */
  $onEvent(): void {
    if (due(this.$query, this.$options)) this.$fetch();
  }

  $fetch(replaceRunning = false): Promise<void> {
    return this.$query.$fetch(this.$options, replaceRunning).then(noop, noop);
  }

  $updateTimers(): void {
    clearInterval(this.$interval);
    const every = resolve(this.$options.refetchInterval, this.$query);
    // a number is above 0 (at least a second: src/query/schedule.ts), but may be Infinity (a
    // hostile max-age); the data layer never sets `refetchIntervalInBackground`: hidden tabs wait
    if (every && every < Infinity && enabled(this.$options)) {
      this.$interval = setInterval(() => {
        if (isFocused()) this.$fetch();
      }, every);
    }
  }

  $updateResult(): void {
    const next = this.$createResult(this.$query, this.$options);
    const keys = changedKeys(next, this.$result);
    if (!keys.length) return;
    this.$result = next;
    // tracked: only a change in a field the component has read re-renders it
    // (the data layer never sets `notifyOnChangeProps`)
    if (!this.$tracked.size || keys.some((key) => this.$tracked.has(key))) {
      for (const listener of this.$listeners) listener();
    }
  }

  $createResult(query: Query, options: QueryOptions): Result {
    let state = query.state;
    // the render that is about to start a fetch already shows it (query-core's optimistic result,
    // which every observer of the hooks asks for)
    if ((!this.$listeners.size || query !== this.$query || !enabled(this.$options)) && due(query, options)) {
      state = {
        ...state,
        fetchStatus: online ? 'fetching' : 'paused',
        ...(state.data === undefined && { error: null, status: 'pending' as const }),
      };
    }
    let { data } = state;
    const { select } = options;
    if (select && data !== undefined) {
      const memo = this.$select;
      if (memo?.[0] === select && memo[1] === data) data = memo[2];
      else {
        data = replaceEqualDeep(this.$result?.data, select(data));
        this.$select = [select, state.data, data];
      }
    }
    const { status } = state;
    return {
      status,
      fetchStatus: state.fetchStatus,
      isPending: status === 'pending',
      data,
      error: state.error,
      refetch: this.refetch,
    };
  }
}

/**
 * Query filters as the embed's data layer gives them: a key prefix, always. Restoring persisted
 * snapshots (`exact`, `refetchType: 'none'`, `setQueryData`'s `updatedAt`) never happens in the embed.
 */
interface Filters {
  queryKey: Key;
}

/** query-core's `QueryClient`: the cache every observer of a connection shares. */
export class QueryClient {
  $cache = new Map<string, Query>();
  declare $unmount: Listener | undefined;

  /** Follows focus and network while mounted: refetches stale queries on return, pauses offline. */
  mount(): void {
    if (this.$unmount) return;
    const each = () => {
      for (const query of this.$cache.values()) for (const o of query.$observers) o.$onEvent();
    };
    const listeners: Record<string, Listener> = {
      visibilitychange: () => isFocused() && each(),
      online: () => {
        setOnline(true);
        each();
      },
      offline: () => setOnline(false),
    };
    for (const type in listeners) addEventListener(type, listeners[type] as Listener);
    this.$unmount = () => {
      for (const type in listeners) removeEventListener(type, listeners[type] as Listener);
    };
  }

  unmount(): void {
    this.$unmount?.();
    this.$unmount = undefined;
  }

  defaultQueryOptions(options: QueryOptions): QueryOptions {
    return options._defaulted
      ? options
      : { ...options, queryHash: hashKey(options.queryKey), _defaulted: true };
  }

  $build(options: QueryOptions): Query {
    const defaulted = this.defaultQueryOptions(options);
    const hash = defaulted.queryHash as string;
    let query = this.$cache.get(hash);
    if (!query) {
      query = new Query(this.$cache, defaulted);
      this.$cache.set(hash, query);
    }
    return query;
  }

  /**
   * The queries whose key starts with the filter's. query-core also matches objects in a filter by
   * their given fields; the data layer's filters hold only strings (src/query/keys.ts prefixes).
   */
  $find({ queryKey }: Filters): Query[] {
    return [...this.$cache.values()].filter((q) =>
      queryKey.every((part, i) => q.$options.queryKey[i] === part),
    );
  }

  getQueryState(queryKey: Key): QueryState | undefined {
    return this.$cache.get(hashKey(queryKey))?.state;
  }

  getQueryData(queryKey: Key): Data {
    return this.getQueryState(queryKey)?.data;
  }

  getQueriesData(filters: Filters): Array<[Key, Data]> {
    return this.$find(filters).map((q) => [q.$options.queryKey, q.state.data]);
  }

  /**
   * The data layer always gives the data itself, never an updater function or `undefined`, and
   * reads nothing back.
   */
  setQueryData(queryKey: Key, data: Data): void {
    this.$build({ queryKey }).$setData(data, true);
  }

  invalidateQueries(filters: Filters): Promise<void> {
    const queries = this.$find(filters);
    for (const query of queries) if (!query.state.isInvalidated) query.$set({ isInvalidated: true });
    return Promise.all(
      queries
        .filter((q) => q.state.fetchStatus !== 'paused' && q.$observers.some((o) => enabled(o.$options)))
        .map((q) => q.$fetch(undefined, true).catch(noop)),
    ).then(noop);
  }

  cancelQueries(filters: Filters): Promise<void> {
    return Promise.all(this.$find(filters).map((q) => q.$cancel())).then(noop);
  }
}

type Callback = (...args: never[]) => unknown;

interface MutationOptions {
  mutationFn?: Callback;
  onMutate?: Callback;
  onSuccess?: Callback;
  onError?: Callback;
  onSettled?: Callback;
  [option: string]: unknown;
}

/** A mutation's state, with query-core's field names. */
type MutationState = Result & { status: 'idle' | Status };

/** Never changed: every state change makes a new object. */
const IDLE: MutationState = {
  data: undefined,
  error: null,
  isPaused: false,
  status: 'idle',
  variables: undefined,
};

/** query-core's `MutationObserver`: the state of the latest `mutate` call. */
export class MutationObserver {
  $state = IDLE;
  declare $result: Result;
  $listeners = new Set<Listener>();
  $run = 0;

  constructor(
    _client: QueryClient,
    public $options: MutationOptions,
  ) {
    this.$result = this.$createResult();
  }

  setOptions(options: MutationOptions): void {
    this.$options = options;
  }

  subscribe(listener: Listener): Listener {
    this.$listeners.add(listener);
    return () => this.$listeners.delete(listener);
  }

  getCurrentResult(): Result {
    return this.$result;
  }

  /** Changes the state if `run` is still the latest `mutate` call. */
  $set(patch: Partial<MutationState>, run: number): void {
    if (run !== this.$run) return;
    this.$state = { ...this.$state, ...patch };
    this.$result = this.$createResult();
    for (const listener of this.$listeners) listener();
  }

  $createResult(): Result {
    const { status } = this.$state;
    return {
      ...this.$state,
      isPending: status === 'pending',
      isSuccess: status === 'success',
      mutate: this.mutate,
    };
  }

  mutate = async (variables: unknown): Promise<unknown> => {
    const run = ++this.$run;
    // no function context (client, meta, mutationKey) after the arguments: the data layer's take none
    const { mutationFn, onMutate, onSuccess, onError, onSettled } = this.$options as Record<
      string,
      ((...args: unknown[]) => unknown) | undefined
    >;
    this.$set({ ...IDLE, status: 'pending', variables, isPaused: !online }, run);
    let context: unknown;
    try {
      context = await onMutate?.(variables);
      await whenOnline();
      this.$set({ isPaused: false }, run);
      // both mutations of the data layer have one (query-core's "No mutationFn found" is for apps)
      const data = await (mutationFn as NonNullable<typeof mutationFn>)(variables);
      await onSuccess?.(data, variables, context);
      await onSettled?.(data, null, variables, context);
      this.$set({ data, status: 'success' }, run);
      return data;
    } catch (error) {
      try {
        await onError?.(error, variables, context);
        await onSettled?.(undefined, error, variables, context);
      } finally {
        this.$set({ error, status: 'error', isPaused: false }, run);
      }
      throw error;
    }
  };
}
