// Pure rules of the work on an order: what a step allows in each status, which step is up next, where
// an added step goes, and how long a time entry is. No I/O, no clock; tested as tables.
import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';

export const STEP_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_ACTIONS = ['start', 'done', 'skip', 'edit'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/**
 * A step may be done or skipped without being started (a quick check is done in one go). Done and
 * skipped are final: the history says who closed it and why, and the next step's owner has the task.
 */
const ALLOWED: Record<StepStatus, readonly StepAction[]> = {
  todo: ['start', 'done', 'skip', 'edit'],
  in_progress: ['done', 'skip', 'edit'],
  done: [],
  skipped: [],
};

export const allowedStepActions = (status: StepStatus): readonly StepAction[] => ALLOWED[status] ?? [];
export const canStep = (status: StepStatus, action: StepAction): boolean => allowedStepActions(status).includes(action);
export const isOpenStep = (status: StepStatus) => status === 'todo' || status === 'in_progress';

/** The status a step action leads to (edit keeps the status). */
export function statusAfter(status: StepStatus, action: Exclude<StepAction, 'edit'>): StepStatus | null {
  if (!canStep(status, action)) return null;
  return action === 'start' ? 'in_progress' : action === 'done' ? 'done' : 'skipped';
}

type StepLike = { id: string; position: number; status: StepStatus };

const byPosition = <T extends StepLike>(steps: readonly T[]) => [...steps].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

/** The step whose owner gets the task when `closedId` is done or skipped: the first todo step after it. */
export function nextStepAfter<T extends StepLike>(steps: readonly T[], closedId: string): T | null {
  const ordered = byPosition(steps);
  const at = ordered.findIndex((s) => s.id === closedId);
  if (at < 0) return null;
  return ordered.slice(at + 1).find((s) => s.status === 'todo') ?? null;
}

/**
 * A step added to an order gets a task at once only when no other step is open: otherwise the work
 * in progress reaches it through the steps before it (done → next).
 */
export const upNextWhenAdded = (steps: readonly StepLike[], addedIds: readonly string[]): boolean => !steps.some((s) => !addedIds.includes(s.id) && isOpenStep(s.status));

/** Where a step asked for at `requested` (0 = first) goes among `count` steps: omitted or past the end appends. */
export const insertIndex = (requested: number | undefined, count: number): number => (requested === undefined || requested > count ? count : Math.max(0, requested));

/** The new order of step ids must name every step of the order exactly once. */
export function isSameStepSet(current: readonly string[], requested: readonly string[]): boolean {
  if (current.length !== requested.length || new Set(requested).size !== requested.length) return false;
  const known = new Set(current);
  return requested.every((id) => known.has(id));
}

export function skipProblems(reason: string): FieldError[] {
  return reason.trim() ? [] : [fieldError('reason', 'orders.step_skip_reason_required', 'Say why the step is skipped')];
}

// ── time entries ───────────────────────────────────────────────────────────────────────────────

/** One entry covers at most a day; longer ones are typing mistakes (split real multi-day work per day). */
export const MAX_ENTRY_MINUTES = 24 * 60;

export type DurationInput = { startedAt?: Date | null | undefined; endedAt?: Date | null | undefined; minutes?: number | null | undefined };

/**
 * Minutes worked: from start and end (rounded to the nearest minute), or as given. Both forms may be
 * sent only when they agree. Errors point at the field to correct.
 */
export function entryMinutes(d: DurationInput): { minutes: number; errors: [] } | { minutes: null; errors: FieldError[] } {
  const hasStart = !!d.startedAt;
  const hasEnd = !!d.endedAt;
  const given = d.minutes ?? null;
  if (hasStart !== hasEnd)
    return { minutes: null, errors: [hasStart ? fieldError('endedAt', 'orders.time_end_required', 'When did the work end?') : fieldError('startedAt', 'orders.time_start_required', 'When did the work start?')] };
  if (!hasStart) {
    if (given === null) return { minutes: null, errors: [fieldError('minutes', 'orders.time_duration_required', 'Enter the minutes worked, or the start and end')] };
    if (!Number.isInteger(given) || given < 1) return { minutes: null, errors: [fieldError('minutes', 'orders.time_duration_required', 'At least one minute')] };
    if (given > MAX_ENTRY_MINUTES) return { minutes: null, errors: [fieldError('minutes', 'orders.time_too_long', 'At most 24 hours in one entry', { max: MAX_ENTRY_MINUTES })] };
    return { minutes: given, errors: [] };
  }
  const ms = d.endedAt!.getTime() - d.startedAt!.getTime();
  if (ms <= 0) return { minutes: null, errors: [fieldError('endedAt', 'orders.time_end_before_start', 'The end is not after the start')] };
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return { minutes: null, errors: [fieldError('endedAt', 'orders.time_duration_required', 'Less than a minute between start and end')] };
  if (minutes > MAX_ENTRY_MINUTES) return { minutes: null, errors: [fieldError('endedAt', 'orders.time_too_long', 'At most 24 hours in one entry', { max: MAX_ENTRY_MINUTES })] };
  if (given !== null && given !== minutes) return { minutes: null, errors: [fieldError('minutes', 'orders.time_minutes_mismatch', 'The minutes do not match the start and end', { minutes })] };
  return { minutes, errors: [] };
}
