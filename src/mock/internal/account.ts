import type { MockPlan } from '../types.js';
import type { IdempotencyStore } from './idempotency.js';
import type { Mills } from './money.js';
import { chargedMills, reservedMills, type Tracking, trackingStatus } from './tracking.js';

/** One API key and everything it owns. */
export interface Account {
  key: string;
  plan: MockPlan;
  initialMills: Mills;
  fixtures: boolean;
  trackings: Map<string, Tracking>;
  idempotency: IdempotencyStore;
}

/** Money and activity of an account at `now`, all derived lazily from the clock. */
export interface Ledger {
  spent: Mills;
  /** Starting balance − spent. */
  balance: Mills;
  /** Balance − what running trackings will still cost. */
  available: Mills;
  /** Trackings `monitoring` now. */
  active: number;
}

/** Computes the {@link Ledger} of an account at `now`. */
export function ledgerOf(account: Account, now: number): Ledger {
  let spent = 0;
  let reserved = 0;
  let active = 0;
  for (const tracking of account.trackings.values()) {
    spent += chargedMills(tracking, now);
    reserved += reservedMills(tracking, now);
    if (trackingStatus(tracking, now) === 'monitoring') active++;
  }
  const balance = account.initialMills - spent;
  return { spent, balance, available: balance - reserved, active };
}
