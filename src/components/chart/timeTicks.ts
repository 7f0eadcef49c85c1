// Own time ticks: d3-time + d3-time-format cost more than the whole chart. Local-time Date
// methods put ticks on the viewer's hours and midnights; Intl formats the labels.

import { intlFormat } from '../internal/format.js';

/** A tick on the x axis. */
export interface Tick {
  value: number;
  label: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Unit = 'hour' | 'day' | 'week' | 'month';
const INTERVALS: ReadonlyArray<readonly [Unit, number, number]> = [
  ['hour', 1, HOUR],
  ['hour', 3, 3 * HOUR],
  ['hour', 6, 6 * HOUR],
  ['hour', 12, 12 * HOUR],
  ['day', 1, DAY],
  ['day', 2, 2 * DAY],
  ['week', 1, 7 * DAY],
  ['week', 2, 14 * DAY],
  ['month', 1, 30 * DAY],
  ['month', 3, 91 * DAY],
];

function floorTo(date: Date, unit: Unit, step: number): void {
  date.setMinutes(0, 0, 0);
  if (unit === 'hour') {
    date.setHours(date.getHours() - (date.getHours() % step));
    return;
  }
  date.setHours(0);
  if (unit === 'week') date.setDate(date.getDate() - ((date.getDay() + 6) % 7)); // Monday
  if (unit === 'month') date.setDate(1);
}

function advance(date: Date, unit: Unit, step: number): void {
  if (unit === 'hour') date.setHours(date.getHours() + step);
  else if (unit === 'day') date.setDate(date.getDate() + step);
  else if (unit === 'week') date.setDate(date.getDate() + 7 * step);
  else date.setMonth(date.getMonth() + step);
}

/** `Nov 14`: the label of a day, and of a lone tick. */
const dayLabel = (locale: string | undefined) =>
  intlFormat('DateTimeFormat', locale, { month: 'short', day: 'numeric' });

/**
 * About `count` ticks over [start, end] (ms) on round local times: hours, midnights, Mondays or
 * first days of months. Hour ticks at midnight show the date, so a multi-day axis reads well.
 * At least two ticks when the span allows it: one lone date says nothing about the scale.
 */
export function timeTicks(start: number, end: number, count: number, locale: string | undefined): Tick[] {
  if (!(end > start)) return [{ value: start, label: dayLabel(locale).format(start) }];
  const span = end - start;
  let index = INTERVALS.findIndex(([, , ms]) => span / ms <= Math.max(1, count));
  if (index === -1) index = INTERVALS.length - 1;
  let ticks = ticksOf(INTERVALS[index] as (typeof INTERVALS)[number], start, end, locale);
  while (ticks.length < 2 && index > 0) {
    index--;
    ticks = ticksOf(INTERVALS[index] as (typeof INTERVALS)[number], start, end, locale);
  }
  return ticks;
}

function ticksOf(
  [unit, step]: readonly [Unit, number, number],
  start: number,
  end: number,
  locale: string | undefined,
): Tick[] {
  const days = dayLabel(locale);
  // ticks fall on whole hours: `3 PM` / `15 Uhr` reads faster than `3:00 PM`
  const hours = intlFormat('DateTimeFormat', locale, { hour: 'numeric' });
  const months = intlFormat('DateTimeFormat', locale, { month: 'short', year: 'numeric' });
  const date = new Date(start);
  floorTo(date, unit, step);
  const ticks: Tick[] = [];
  for (let guard = 0; guard < 500 && date.getTime() <= end; guard++) {
    const value = date.getTime();
    if (value >= start) {
      const midnight = date.getHours() === 0;
      const format = unit === 'month' ? months : unit === 'hour' && !midnight ? hours : days;
      ticks.push({ value, label: format.format(value) });
    }
    advance(date, unit, step);
  }
  return ticks;
}

const HOUR_STEPS = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720];

/** Ticks on hours since start: `6 h`, `12 h`, then whole days `1 d`, `2 d` in the locale's units. */
export function hourTicks(start: number, end: number, count: number, locale: string | undefined): Tick[] {
  const span = Math.max(end - start, 1);
  let step = HOUR_STEPS.find((s) => span / s <= Math.max(1, count)) ?? Math.ceil(span / count / 720) * 720;
  // at least two ticks when the span allows it
  while (step > 1 && Math.floor(end / step) - Math.ceil(start / step) < 1) {
    step = [...HOUR_STEPS].reverse().find((s) => s < step) ?? 1;
  }
  const hours = unitFormat(locale, 'hour');
  const days = unitFormat(locale, 'day');
  const ticks: Tick[] = [];
  for (let value = Math.ceil(start / step) * step; value <= end && ticks.length < 500; value += step) {
    ticks.push({
      value,
      label: step >= 24 && value % 24 === 0 ? days.format(value / 24) : hours.format(value),
    });
  }
  return ticks;
}

function unitFormat(locale: string | undefined, unit: 'hour' | 'day'): Intl.NumberFormat {
  return intlFormat('NumberFormat', locale, {
    style: 'unit',
    unit,
    unitDisplay: 'narrow',
    maximumFractionDigits: 1,
  });
}

/** A time since start for the tooltip and table of `align="sinceStart"`: `20h`, `44d 7h`. */
export function formatHoursSinceStart(hours: number, locale: string | undefined): string {
  const rounded = Math.round(hours * 10) / 10;
  if (Math.abs(rounded) < 48) return unitFormat(locale, 'hour').format(rounded);
  const days = Math.floor(rounded / 24);
  const rest = Math.round((rounded - days * 24) * 10) / 10;
  const dayText = unitFormat(locale, 'day').format(days);
  return rest === 0 ? dayText : `${dayText} ${unitFormat(locale, 'hour').format(rest)}`;
}
