/**
 * The part of `@tanstack/query-core` the data layer uses, for the embed build only, which aliases
 * `@tanstack/query-core` here (query-core is ~9 KB gzip of a 45 KB budget; this is ~2 KB). The
 * React build and every hook test keep the real query-core; the embed's Chromium tests run this.
 *
 * Same rules as query-core for what the hooks rely on: one query per key hash shared by all
 * observers; fetch on mount when stale (or errored without data); `staleTime`, `refetchInterval`
 * (functions of the query, re-armed on every update) and `refetchIntervalInBackground`; refetch of
 * stale queries on focus and reconnect while the client is mounted; fetches pause while offline;
 * structural sharing of data and memoised `select`; tracked result fields; invalidation marks
 * stale and refetches active queries (cancelling a running refetch); `cancelQueries` reverts;
 * inactive queries are dropped after 5 minutes. Left out: retries (every query and mutation here
 * sets `retry: false`), infinite queries, placeholders, suspense, hydration, defaults setters.
 */

type Key = readonly unknown[];
type Data = unknown;
type Listener = () => void;
type Status = 'pending' | 'success' | 'error';

interface QueryState {
  data: Data;
  dataUpdatedAt: number;
  error: unknown;
  errorUpdatedAt: number;
  status: Status;
  fetchStatus: 'idle' | 'fetching' | 'paused';
  isInvalidated: boolean;
  fetchFailureCount: number;
  fetchFailureReason: unknown;
  dataUpdateCount: number;
  errorUpdateCount: number;
}

type OrFn<T> = T | ((query: Query) => T);

/** Observer options as the hooks give them (after `defaultQueryOptions`). */
export interface QueryOptions {
  queryKey: Key;
  queryHash?: string;
  queryFn?: (context: { signal: AbortSignal; queryKey: Key }) => Promise<Data>;
  enabled?: OrFn<boolean>;
  staleTime?: OrFn<number>;
  refetchInterval?: OrFn<number | false>;
  refetchIntervalInBackground?: boolean;
  refetchOnWindowFocus?: boolean | 'always';
  refetchOnReconnect?: boolean | 'always';
  select?: (data: Data) => Data;
  notifyOnChangeProps?: unknown;
  _optimisticResults?: string;
  [option: string]: unknown;
}

const GC_MS = 5 * 60_000;
const noop = () => {};
const isPlainObject = (o: unknown): o is Record<string, unknown> =>
  Object.prototype.toString.call(o) === '[object Object]' &&
  [Object.prototype, null].includes(Object.getPrototypeOf(o));
const resolve = <T>(value: OrFn<T> | undefined, query: Query): T | undefined =>
  typeof value === 'function' ? (value as (q: Query) => T)(query) : value;
const enabledFor = (options: QueryOptions, query: Query) => resolve(options.enabled, query) !== false;

function hashKey(key: Key): string {
  return JSON.stringify(key, (_, value) =>
    isPlainObject(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        )
      : value,
  );
}

function partialMatchKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b) || (Array.isArray(b) && b.length > (a as []).length))
    return false;
  return Object.keys(b).every((k) =>
    partialMatchKey((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** query-core's structural sharing: `b`, reusing every part of `a` that is deeply equal. */
function replaceEqualDeep(a: unknown, b: unknown): unknown {
  if (a === b) return a;
  const array = Array.isArray(a) && Array.isArray(b);
  if (!array && !(isPlainObject(a) && isPlainObject(b))) return b;
  const from = a as Record<string, unknown>;
  const to = b as Record<string, unknown>;
  const aKeys = Object.keys(from);
  const bKeys = Object.keys(to);
  const copy = (array ? [] : {}) as Record<string, unknown>;
  let equal = 0;
  for (const key of bKeys) {
    const value = replaceEqualDeep(from[key], to[key]);
    copy[key] = value;
    if (value === from[key] && Object.hasOwn(from, key)) equal++;
  }
  return aKeys.length === bKeys.length && equal === aKeys.length ? a : copy;
}

// focus and network, followed while any client is mounted (as query-core's managers)
let online = true;
const onlineWaiters = new Set<Listener>();
const isFocused = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
const whenOnline = () => new Promise<void>((done) => (online ? done() : onlineWaiters.add(done)));
function setOnline(value: boolean): void {
  online = value;
  if (!value) return;
  for (const done of onlineWaiters) done();
  onlineWaiters.clear();
}

/** query-core's onlineManager, as far as tests drive it (the clients follow `online`/`offline` events). */
export const onlineManager = { setOnline, isOnline: () => online };

// notifications reach subscribers in a microtask, in order, as query-core's notifyManager batches them
let queue: Listener[] = [];
function schedule(callback: Listener): void {
  if (queue.push(callback) > 1) return;
  queueMicrotask(() => {
    const run = queue;
    queue = [];
    for (const fn of run) fn();
  });
}

/** query-core's notifyManager: `batchCalls` defers a listener to the next batch. */
export const notifyManager = {
  batchCalls:
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) =>
      schedule(() => fn(...args)),
};

class CancelledError {
  constructor(readonly revert: boolean) {}
}

class Query {
  state: QueryState = {
    data: undefined,
    dataUpdatedAt: 0,
    error: null,
    errorUpdatedAt: 0,
    status: 'pending',
    fetchStatus: 'idle',
    isInvalidated: false,
    fetchFailureCount: 0,
    fetchFailureReason: null,
    dataUpdateCount: 0,
    errorUpdateCount: 0,
  };
  observers: QueryObserver[] = [];
  #revert: QueryState | undefined;
  #promise: Promise<Data> | undefined;
  #abort: ((reason: CancelledError) => void) | undefined;
  #gc: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly cache: Map<string, Query>,
    readonly queryKey: Key,
    readonly queryHash: string,
    public options: QueryOptions,
  ) {
    this.#scheduleGc();
  }

  setState(patch: Partial<QueryState>): void {
    this.state = { ...this.state, ...patch };
    for (const observer of [...this.observers]) observer.onQueryUpdate();
  }

  setData(data: Data, updatedAt = Date.now(), manual = false): Data {
    const next = replaceEqualDeep(this.state.data, data);
    this.setState({
      data: next,
      dataUpdatedAt: updatedAt,
      dataUpdateCount: this.state.dataUpdateCount + 1,
      error: null,
      isInvalidated: false,
      status: 'success',
      ...(manual ? {} : { fetchStatus: 'idle', fetchFailureCount: 0, fetchFailureReason: null }),
    });
    if (manual) this.#revert = this.state;
    return next;
  }

  isStaleByTime(staleTime = 0): boolean {
    const { data, isInvalidated, dataUpdatedAt } = this.state;
    return data === undefined || isInvalidated || dataUpdatedAt + staleTime <= Date.now();
  }

  isActive(): boolean {
    return this.observers.some((o) => enabledFor(o.options, this));
  }

  addObserver(observer: QueryObserver): void {
    if (!this.observers.includes(observer)) this.observers.push(observer);
    clearTimeout(this.#gc);
  }

  removeObserver(observer: QueryObserver): void {
    this.observers = this.observers.filter((o) => o !== observer);
    if (this.observers.length > 0) return;
    // nobody shows it any more: the request is aborted (the query functions all pass the signal on)
    void this.cancel();
    this.#scheduleGc();
  }

  #scheduleGc(): void {
    clearTimeout(this.#gc);
    this.#gc = setTimeout(() => {
      if (
        this.observers.length === 0 &&
        this.state.fetchStatus === 'idle' &&
        this.cache.get(this.queryHash) === this
      ) {
        this.cache.delete(this.queryHash);
      }
    }, GC_MS);
  }

  cancel(revert = true): Promise<void> {
    const promise = this.#promise;
    if (promise) this.#abort?.(new CancelledError(revert));
    return promise ? promise.then(noop, noop) : Promise.resolve();
  }

  fetch(options?: QueryOptions, cancelRefetch = false): Promise<Data> {
    if (options) this.options = options;
    if (this.#promise) {
      if (!(cancelRefetch && this.state.data !== undefined)) return this.#promise;
      void this.cancel(false);
    }
    const controller = new AbortController();
    this.#revert = this.state;
    this.setState({
      fetchFailureCount: 0,
      fetchFailureReason: null,
      fetchStatus: online ? 'fetching' : 'paused',
      ...(this.state.data === undefined ? { error: null, status: 'pending' as const } : {}),
    });
    const cancelled = new Promise<never>((_, reject) => {
      this.#abort = (reason) => {
        controller.abort();
        reject(reason);
      };
    });
    const run = async (): Promise<Data> => {
      if (!online) {
        await Promise.race([whenOnline(), cancelled]);
        this.setState({ fetchStatus: 'fetching' });
      }
      const queryFn = this.options.queryFn;
      if (!queryFn) throw new Error(`Missing queryFn: '${this.queryHash}'`);
      return Promise.race([queryFn({ signal: controller.signal, queryKey: this.queryKey }), cancelled]);
    };
    // a fetch replaced by a newer one (a silent cancel) leaves the state to that one
    const current = () => {
      const is = this.#promise === promise;
      if (is) this.#promise = undefined;
      return is;
    };
    const promise: Promise<Data> = run().then(
      (data) => (current() ? this.setData(data) : data),
      (error: unknown) => {
        if (!current()) throw error;
        if (error instanceof CancelledError) {
          this.setState({ ...(this.#revert ?? this.state), fetchStatus: 'idle' });
        } else {
          this.setState({
            error,
            errorUpdateCount: this.state.errorUpdateCount + 1,
            errorUpdatedAt: Date.now(),
            fetchFailureCount: this.state.fetchFailureCount + 1,
            fetchFailureReason: error,
            fetchStatus: 'idle',
            status: 'error',
            isInvalidated: true,
          });
        }
        throw error;
      },
    );
    this.#promise = promise;
    return promise;
  }
}

/** A query's result as the hooks return it (query-core's `QueryObserverResult` fields). */
type Result = Record<string, unknown>;

function shouldFetchOn(query: Query, options: QueryOptions, when: boolean | 'always' | undefined): boolean {
  return (
    enabledFor(options, query) &&
    when !== false &&
    (when === 'always' || query.isStaleByTime(resolve(options.staleTime, query)))
  );
}

function shouldFetchOnMount(query: Query, options: QueryOptions): boolean {
  return (
    enabledFor(options, query) && (query.state.data === undefined || shouldFetchOn(query, options, true))
  );
}

/** query-core's `QueryObserver`: one component's view of one query. */
export class QueryObserver {
  options: QueryOptions;
  #query: Query;
  #listeners = new Set<Listener>();
  #result: Result | undefined;
  #tracked = new Set<PropertyKey>();
  #select: { fn: (data: Data) => Data; from: Data; to: Data } | undefined;
  #interval: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly client: QueryClient,
    options: QueryOptions,
  ) {
    this.options = client.defaultQueryOptions(options);
    this.#query = client.build(this.options);
    this.refetch = this.refetch.bind(this);
    this.#result = this.#createResult(this.#query, this.options);
  }

  subscribe(listener: Listener): Listener {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) {
      this.#query.addObserver(this);
      if (shouldFetchOnMount(this.#query, this.options)) this.#fetch();
      else this.updateResult();
      this.#updateTimers();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        clearInterval(this.#interval);
        this.#query.removeObserver(this);
      }
    };
  }

  setOptions(options: QueryOptions): void {
    const prevOptions = this.options;
    const prevQuery = this.#query;
    this.options = this.client.defaultQueryOptions(options);
    const query = this.client.build(this.options);
    query.options = this.options;
    if (query !== prevQuery && this.#listeners.size > 0) {
      prevQuery.removeObserver(this);
      query.addObserver(this);
    }
    this.#query = query;
    if (
      this.#listeners.size > 0 &&
      (query !== prevQuery || resolve(prevOptions.enabled, prevQuery) === false) &&
      shouldFetchOn(query, this.options, true)
    ) {
      this.#fetch();
    }
    this.updateResult();
    if (this.#listeners.size > 0) this.#updateTimers();
  }

  getOptimisticResult(options: QueryOptions): Result {
    const query = this.client.build(options);
    const result = this.#createResult(query, options);
    // as query-core: the result the next render shows is the one later updates compare against
    const prev = this.#result;
    if (!prev || Object.keys(result).some((key) => result[key] !== prev[key])) this.#result = result;
    return result;
  }

  getCurrentResult(): Result {
    return this.#result ?? this.#createResult(this.#query, this.options);
  }

  trackResult(result: Result): Result {
    return new Proxy(result, {
      get: (target, key) => {
        this.#tracked.add(key);
        return Reflect.get(target, key);
      },
    });
  }

  refetch(): Promise<Result> {
    return this.#fetch(true).then(() => this.getCurrentResult());
  }

  onQueryUpdate(): void {
    this.updateResult();
    if (this.#listeners.size > 0) this.#updateTimers();
  }

  /** Focus came back or the network did: refetch when stale (query-core's defaults). */
  onEvent(kind: 'focus' | 'online'): void {
    const when = kind === 'focus' ? this.options.refetchOnWindowFocus : this.options.refetchOnReconnect;
    if (shouldFetchOn(this.#query, this.options, when)) this.#fetch();
  }

  #fetch(cancelRefetch = false): Promise<void> {
    return this.#query.fetch(this.options, cancelRefetch).then(noop, noop);
  }

  #updateTimers(): void {
    clearInterval(this.#interval);
    const every = resolve(this.options.refetchInterval, this.#query) ?? false;
    if (every === false || !Number.isFinite(every) || every <= 0 || !enabledFor(this.options, this.#query))
      return;
    this.#interval = setInterval(() => {
      if (this.options.refetchIntervalInBackground || isFocused()) this.#fetch();
    }, every);
  }

  updateResult(): void {
    const prev = this.#result;
    const next = this.#createResult(this.#query, this.options);
    const changed = (key: string) => !prev || next[key] !== prev[key];
    const keys = Object.keys(next);
    if (prev && !keys.some(changed)) return;
    this.#result = next;
    const notify =
      this.options.notifyOnChangeProps !== undefined ||
      this.#tracked.size === 0 ||
      keys.some((key) => this.#tracked.has(key) && changed(key));
    if (notify) for (const listener of this.#listeners) listener();
  }

  #createResult(query: Query, options: QueryOptions): Result {
    let state = query.state;
    if (
      options._optimisticResults &&
      (this.#listeners.size === 0
        ? shouldFetchOnMount(query, options)
        : (query !== this.#query || !enabledFor(this.options, this.#query)) &&
          shouldFetchOn(query, options, true))
    ) {
      state = {
        ...state,
        fetchStatus: online ? 'fetching' : 'paused',
        ...(state.data === undefined ? { error: null, status: 'pending' as const } : {}),
      };
    }
    let data = state.data;
    if (options.select && data !== undefined) {
      const memo = this.#select;
      if (memo && memo.fn === options.select && memo.from === data) data = memo.to;
      else {
        const to = replaceEqualDeep(this.#result?.data, options.select(data));
        this.#select = { fn: options.select, from: data, to };
        data = to;
      }
    }
    const { status, fetchStatus, error } = state;
    const isFetching = fetchStatus === 'fetching';
    const isError = status === 'error';
    const isPending = status === 'pending';
    return {
      status,
      fetchStatus,
      isPending,
      isSuccess: status === 'success',
      isError,
      isInitialLoading: isPending && isFetching,
      isLoading: isPending && isFetching,
      data,
      dataUpdatedAt: state.dataUpdatedAt,
      error,
      errorUpdatedAt: state.errorUpdatedAt,
      failureCount: state.fetchFailureCount,
      failureReason: state.fetchFailureReason,
      errorUpdateCount: state.errorUpdateCount,
      isFetched: state.dataUpdateCount + state.errorUpdateCount > 0,
      isFetching,
      isRefetching: isFetching && !isPending,
      isLoadingError: isError && state.dataUpdatedAt === 0,
      isPaused: fetchStatus === 'paused',
      isPlaceholderData: false,
      isRefetchError: isError && state.dataUpdatedAt !== 0,
      isStale: enabledFor(options, query) && query.isStaleByTime(resolve(options.staleTime, query)),
      isEnabled: enabledFor(options, query),
      refetch: this.refetch,
    };
  }
}

interface Filters {
  queryKey?: Key;
  exact?: boolean;
  refetchType?: 'active' | 'all' | 'none';
}

/** query-core's `QueryClient`: the cache every observer of a connection shares. */
export class QueryClient {
  #cache = new Map<string, Query>();
  #unsubscribe: Listener | undefined;

  /** Follows focus and network while mounted: refetches stale queries on return, pauses offline. */
  mount(): void {
    if (this.#unsubscribe || typeof window === 'undefined') return;
    const each = (kind: 'focus' | 'online') => {
      for (const query of this.#cache.values()) for (const o of query.observers) o.onEvent(kind);
    };
    const onVisibility = () => isFocused() && each('focus');
    const onOnline = () => {
      setOnline(true);
      each('online');
    };
    const onOffline = () => setOnline(false);
    window.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    this.#unsubscribe = () => {
      window.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }

  unmount(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  defaultQueryOptions(options: QueryOptions): QueryOptions {
    if (options._defaulted) return options;
    return { ...options, queryHash: options.queryHash ?? hashKey(options.queryKey), _defaulted: true };
  }

  build(options: QueryOptions): Query {
    const defaulted = this.defaultQueryOptions(options);
    const hash = defaulted.queryHash as string;
    let query = this.#cache.get(hash);
    if (!query) {
      query = new Query(this.#cache, defaulted.queryKey, hash, defaulted);
      this.#cache.set(hash, query);
    }
    return query;
  }

  #find({ queryKey, exact }: Filters = {}): Query[] {
    return [...this.#cache.values()].filter((q) =>
      queryKey === undefined
        ? true
        : exact
          ? q.queryHash === hashKey(queryKey)
          : partialMatchKey(q.queryKey, queryKey),
    );
  }

  getQueryState(queryKey: Key): QueryState | undefined {
    return this.#cache.get(hashKey(queryKey))?.state;
  }

  getQueryData(queryKey: Key): Data {
    return this.getQueryState(queryKey)?.data;
  }

  getQueriesData(filters: Filters): Array<[Key, Data]> {
    return this.#find(filters).map((q) => [q.queryKey, q.state.data]);
  }

  setQueryData(queryKey: Key, updater: Data, options?: { updatedAt?: number }): Data {
    const query = this.build({ queryKey });
    const data = typeof updater === 'function' ? (updater as (old: Data) => Data)(query.state.data) : updater;
    return data === undefined ? undefined : query.setData(data, options?.updatedAt, true);
  }

  invalidateQueries(filters: Filters = {}): Promise<void> {
    const queries = this.#find(filters);
    for (const query of queries) if (!query.state.isInvalidated) query.setState({ isInvalidated: true });
    if (filters.refetchType === 'none') return Promise.resolve();
    const refetched = queries
      .filter(
        (q) => (filters.refetchType === 'all' || q.isActive()) && !(q.observers.length > 0 && !q.isActive()),
      )
      .map((q) => (q.state.fetchStatus === 'paused' ? undefined : q.fetch(undefined, true).catch(noop)));
    return Promise.all(refetched).then(noop);
  }

  cancelQueries(filters: Filters = {}): Promise<void> {
    return Promise.all(this.#find(filters).map((q) => q.cancel())).then(noop);
  }
}

interface MutationOptions {
  mutationFn?: (variables: unknown, context: object) => Promise<unknown>;
  onMutate?: (variables: unknown, context: object) => unknown;
  onSuccess?: (data: unknown, variables: unknown, onMutateResult: unknown, context: object) => unknown;
  onError?: (error: unknown, variables: unknown, onMutateResult: unknown, context: object) => unknown;
  onSettled?: (
    data: unknown,
    error: unknown,
    variables: unknown,
    onMutateResult: unknown,
    context: object,
  ) => unknown;
  [option: string]: unknown;
}

interface MutationState {
  context: unknown;
  data: unknown;
  error: unknown;
  failureCount: number;
  failureReason: unknown;
  isPaused: boolean;
  status: 'idle' | Status;
  variables: unknown;
  submittedAt: number;
}

const idle = (): MutationState => ({
  context: undefined,
  data: undefined,
  error: null,
  failureCount: 0,
  failureReason: null,
  isPaused: false,
  status: 'idle',
  variables: undefined,
  submittedAt: 0,
});

/** query-core's `MutationObserver`: the state of the latest `mutate` call. */
export class MutationObserver {
  #state = idle();
  #result: Result;
  #listeners = new Set<Listener>();
  #run = 0;

  constructor(
    readonly client: QueryClient,
    public options: MutationOptions,
  ) {
    this.mutate = this.mutate.bind(this);
    this.reset = this.reset.bind(this);
    this.#result = this.#createResult();
  }

  setOptions(options: MutationOptions): void {
    this.options = options;
  }

  subscribe(listener: Listener): Listener {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  getCurrentResult(): Result {
    return this.#result;
  }

  reset(): void {
    this.#run++;
    this.#set(idle());
  }

  #set(state: MutationState, run = this.#run): void {
    if (run !== this.#run) return;
    this.#state = state;
    this.#result = this.#createResult();
    for (const listener of this.#listeners) listener();
  }

  #createResult(): Result {
    const { status } = this.#state;
    return {
      ...this.#state,
      isPending: status === 'pending',
      isSuccess: status === 'success',
      isError: status === 'error',
      isIdle: status === 'idle',
      mutate: this.mutate,
      reset: this.reset,
    };
  }

  async mutate(variables: unknown): Promise<unknown> {
    const run = ++this.#run;
    const options = this.options;
    const fnContext = { client: this.client, meta: options.meta, mutationKey: options.mutationKey };
    const pending = { ...idle(), status: 'pending' as const, variables, submittedAt: Date.now() };
    this.#set({ ...pending, isPaused: !online }, run);
    let context: unknown;
    try {
      context = await options.onMutate?.(variables, fnContext);
      if (context !== undefined) this.#set({ ...this.#state, context }, run);
      if (!online) await whenOnline();
      if (this.#state.isPaused) this.#set({ ...this.#state, isPaused: false }, run);
      if (!options.mutationFn) throw new Error('No mutationFn found');
      const data = await options.mutationFn(variables, fnContext);
      await options.onSuccess?.(data, variables, context, fnContext);
      await options.onSettled?.(data, null, variables, context, fnContext);
      this.#set({ ...this.#state, data, status: 'success', isPaused: false }, run);
      return data;
    } catch (error) {
      try {
        await options.onError?.(error, variables, context, fnContext);
        await options.onSettled?.(undefined, error, variables, context, fnContext);
      } finally {
        this.#set(
          { ...this.#state, error, failureCount: 1, failureReason: error, status: 'error', isPaused: false },
          run,
        );
      }
      throw error;
    }
  }
}
