/**
 * "Today" for every date rule: the CLI's `--today` wins over `ISMS_TODAY`, which wins
 * over the local date (spec §1, §9). Read at check time so a server running past
 * midnight moves on with the calendar.
 */
import { localDate, parseDate, type CalendarDate } from '../core/dates';

export class InvalidTodayError extends Error {}

/** Returns a clock; throws InvalidTodayError when an explicit date is not YYYY-MM-DD. */
export function createClock(override: string | undefined, env: NodeJS.ProcessEnv = process.env): () => CalendarDate {
  const explicit = override ?? (env.ISMS_TODAY && env.ISMS_TODAY.trim() !== '' ? env.ISMS_TODAY.trim() : undefined);
  if (explicit !== undefined) {
    const date = parseDate(explicit);
    if (!date) throw new InvalidTodayError(`'${explicit}' is not a date written YYYY-MM-DD${override === undefined ? ' (from ISMS_TODAY)' : ''}.`);
    return () => date;
  }
  return () => localDate(new Date());
}

