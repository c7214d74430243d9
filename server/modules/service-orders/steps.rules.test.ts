import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedStepActions, entryMinutes, insertIndex, isSameStepSet, nextStepAfter, skipProblems, statusAfter, upNextWhenAdded, type StepAction, type StepStatus } from './steps.rules.ts';

describe('what a step allows', () => {
  const cases: [StepStatus, StepAction[], string][] = [
    ['todo', ['start', 'done', 'skip', 'edit'], 'a step to do can be started, done at once, skipped or changed'],
    ['in_progress', ['done', 'skip', 'edit'], 'a started step can be finished, skipped or changed, not started again'],
    ['done', [], 'a done step is final'],
    ['skipped', [], 'a skipped step is final'],
  ];
  for (const [status, actions, fact] of cases) test(`${status} → ${actions.join(', ') || 'nothing'}: ${fact}`, () => assert.deepEqual([...allowedStepActions(status)], actions));
});

describe('where a step action leads', () => {
  const cases: [StepStatus, 'start' | 'done' | 'skip', StepStatus | null, string][] = [
    ['todo', 'start', 'in_progress', 'starting a step puts it in progress'],
    ['todo', 'done', 'done', 'a quick step is done without being started'],
    ['in_progress', 'done', 'done', 'a started step is done'],
    ['in_progress', 'skip', 'skipped', 'a started step can still be skipped'],
    ['in_progress', 'start', null, 'a started step cannot be started twice'],
    ['done', 'skip', null, 'a done step cannot be skipped afterwards'],
    ['skipped', 'done', null, 'a skipped step cannot be done afterwards'],
  ];
  for (const [from, action, to, fact] of cases) test(`${from} + ${action} → ${to ?? 'refused'}: ${fact}`, () => assert.equal(statusAfter(from, action), to));
});

describe('the next step', () => {
  const s = (id: string, position: number, status: StepStatus) => ({ id, position, status });
  const cases: [ReturnType<typeof s>[], string, string | null, string][] = [
    [[s('a', 0, 'done'), s('b', 1, 'todo'), s('c', 2, 'todo')], 'a', 'b', 'the step after the done one'],
    [[s('a', 0, 'done'), s('b', 1, 'skipped'), s('c', 2, 'todo')], 'a', 'c', 'skipped steps are passed over'],
    [[s('a', 0, 'done'), s('b', 1, 'in_progress'), s('c', 2, 'todo')], 'a', 'c', 'a step already in progress has its owner; the next to-do step is handed on'],
    [[s('c', 2, 'todo'), s('a', 0, 'skipped'), s('b', 1, 'todo')], 'a', 'b', 'by position, not by the order of the list'],
    [[s('a', 0, 'todo'), s('b', 1, 'done'), s('c', 2, 'done')], 'b', null, 'steps before the closed one are not "next"'],
    [[s('a', 0, 'done')], 'a', null, 'the last step has no next'],
    [[s('a', 0, 'done')], 'x', null, 'an unknown step has no next'],
  ];
  for (const [steps, closed, next, fact] of cases) test(`after ${closed} in ${steps.map((x) => `${x.id}:${x.status}`).join(' ')} → ${next ?? 'none'}: ${fact}`, () => assert.equal(nextStepAfter(steps, closed)?.id ?? null, next));
});

describe('a step added by hand becomes a task at once', () => {
  const cases: [StepStatus[], boolean, string][] = [
    [[], true, 'on an order without steps'],
    [['done', 'skipped'], true, 'when every other step is closed'],
    [['done', 'todo'], false, 'not while another step waits (it gets its task in turn)'],
    [['in_progress'], false, 'not while another step is in progress'],
  ];
  for (const [others, yes, fact] of cases)
    test(`others ${others.join(', ') || 'none'} → ${yes ? 'task' : 'no task'}: ${fact}`, () =>
      assert.equal(upNextWhenAdded([...others.map((status, i) => ({ id: `o${i}`, position: i, status })), { id: 'new', position: others.length, status: 'todo' as const }], ['new']), yes));
});

describe('positions', () => {
  const cases: [number | undefined, number, number, string][] = [
    [undefined, 3, 3, 'no position appends'],
    [0, 3, 0, 'position 0 puts the step first'],
    [2, 3, 2, 'a middle position inserts there'],
    [9, 3, 3, 'a position past the end appends'],
    [undefined, 0, 0, 'the first step of an order is at 0'],
  ];
  for (const [requested, count, at, fact] of cases) test(`insert at ${requested ?? 'end'} of ${count} → ${at}: ${fact}`, () => assert.equal(insertIndex(requested, count), at));

  const sets: [string[], string[], boolean, string][] = [
    [['a', 'b', 'c'], ['c', 'a', 'b'], true, 'every step once, in a new order'],
    [['a', 'b', 'c'], ['a', 'b'], false, 'a step left out'],
    [['a', 'b'], ['a', 'b', 'b'], false, 'a step twice'],
    [['a', 'b'], ['a', 'x'], false, "a step of another order"],
  ];
  for (const [current, requested, ok, fact] of sets) test(`reorder ${current.join('')} as ${requested.join('')} → ${ok ? 'accepted' : 'refused'}: ${fact}`, () => assert.equal(isSameStepSet(current, requested), ok));
});

describe('skipping needs a reason', () => {
  const cases: [string, string[], string][] = [
    ['Klient zrezygnował z czyszczenia', [], 'a reason is enough'],
    ['', ['reason:orders.step_skip_reason_required'], 'no reason is refused at the reason field'],
    ['   ', ['reason:orders.step_skip_reason_required'], 'spaces are no reason'],
  ];
  for (const [reason, errors, fact] of cases) test(`"${reason}": ${fact}`, () => assert.deepEqual(skipProblems(reason).map((e) => `${e.path}:${e.code}`), errors));
});

describe('how long a time entry is', () => {
  const at = (hm: string) => new Date(`2026-03-30T${hm}:00+02:00`);
  const cases: [Parameters<typeof entryMinutes>[0], number | string, string][] = [
    [{ minutes: 37 }, 37, 'minutes as given'],
    [{ startedAt: at('09:00'), endedAt: at('10:15') }, 75, 'from start and end'],
    [{ startedAt: new Date('2026-03-30T09:00:00Z'), endedAt: new Date('2026-03-30T09:37:29Z') }, 37, 'seconds round to the nearest minute (down)'],
    [{ startedAt: new Date('2026-03-30T09:00:00Z'), endedAt: new Date('2026-03-30T09:37:30Z') }, 38, 'seconds round to the nearest minute (half up)'],
    [{ startedAt: at('09:00'), endedAt: at('10:00'), minutes: 60 }, 60, 'both forms when they agree'],
    [{ startedAt: at('09:00'), endedAt: at('10:00'), minutes: 45 }, 'minutes:orders.time_minutes_mismatch', 'both forms that disagree'],
    [{ startedAt: at('10:00'), endedAt: at('09:00') }, 'endedAt:orders.time_end_before_start', 'an end before the start'],
    [{ startedAt: at('10:00'), endedAt: at('10:00') }, 'endedAt:orders.time_end_before_start', 'an end equal to the start'],
    [{ startedAt: new Date('2026-03-30T09:00:00Z'), endedAt: new Date('2026-03-30T09:00:20Z') }, 'endedAt:orders.time_duration_required', 'less than a minute'],
    [{ startedAt: at('09:00') }, 'endedAt:orders.time_end_required', 'a start without an end'],
    [{ endedAt: at('09:00') }, 'startedAt:orders.time_start_required', 'an end without a start'],
    [{}, 'minutes:orders.time_duration_required', 'no duration at all'],
    [{ minutes: 0 }, 'minutes:orders.time_duration_required', 'zero minutes'],
    [{ minutes: 1441 }, 'minutes:orders.time_too_long', 'more than a day in one entry'],
    [{ startedAt: new Date('2026-03-30T08:00:00Z'), endedAt: new Date('2026-03-31T08:01:00Z') }, 'endedAt:orders.time_too_long', 'start and end more than a day apart'],
  ];
  for (const [input, expected, fact] of cases)
    test(`${JSON.stringify(input)} → ${expected}: ${fact}`, () => {
      const r = entryMinutes(input);
      assert.deepEqual(r.minutes ?? r.errors.map((e) => `${e.path}:${e.code}`).join(), expected);
    });
});
