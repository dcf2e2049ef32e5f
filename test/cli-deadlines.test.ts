// `kehoach deadlines` run as a process over rule fixtures and the seed plans.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = join(__dirname, '..');
const seeds = join(root, '..', 'shared', 'seeds');

describe('kehoach deadlines', () => {
  it('lists a dated deadline and a yearly one as JSON, with the task and line', async () => {
    const run = await runCli(['deadlines', 'test/fixtures/rules/KH302/deadline-after.md', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { day?: number; month?: number; year?: number; recurrence?: string; task?: string; file: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed[0]).toMatchObject({ day: 18, month: 11, recurrence: 'yearly', task: 'TỔ CHỨC THỰC HIỆN', file: 'test/fixtures/rules/KH302/deadline-after.md' });
  });

  it('prints a table with Vietnamese headers, English with --locale en', async () => {
    const vi = await runCli(['deadlines', 'test/fixtures/rules/KH302/deadline-after.md'], { cwd: root });
    expect(vi.stdout.split('\n')[0]).toMatch(/^Thời hạn\s+Lặp lại\s+Nhiệm vụ\s+Chủ trì\s+Tệp$/u);
    expect(vi.stdout).toContain('hằng năm');
    const en = await runCli(['deadlines', 'test/fixtures/rules/KH302/deadline-after.md', '--locale', 'en'], { cwd: root });
    expect(en.stdout.split('\n')[0]).toMatch(/^Deadline\s+Repeats\s+Task\s+Lead\s+File$/u);
  });

  it('writes a calendar an independent parser (ical.js) reads: one all-day event per deadline, the yearly one recurring', async () => {
    const run = await runCli(['deadlines', 'test/fixtures/rules/KH302/deadline-after.md', '--format', 'ics'], { cwd: root });
    expect(run.code).toBe(0);
    const events = new ICAL.Component(ICAL.parse(run.stdout)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const shown = events.map((event) => ({ start: event.startDate.toString(), allDay: event.startDate.isDate, recurring: event.isRecurring(), summary: event.summary }));
    expect(shown).toContainEqual({ start: '2021-11-18', allDay: true, recurring: true, summary: 'Thời hạn: TỔ CHỨC THỰC HIỆN' });
    expect(shown).toContainEqual({ start: '2021-09-15', allDay: true, recurring: false, summary: 'Thời hạn: TỔ CHỨC THỰC HIỆN' });
    const yearly = events.find((event) => event.isRecurring())!;
    expect(yearly.iterator().next().toString()).toBe('2021-11-18');
  });

  it('names the unit that leads the task', async () => {
    const run = await runCli(['deadlines', 'test/fixtures/real/shape-closing-flattened-one-cell.md', '--format', 'json'], { cwd: root });
    const listed = JSON.parse(run.stdout) as { day?: number; month?: number; responsible: { role: string; unit: string }[] }[];
    expect(listed).toContainEqual(expect.objectContaining({ day: 10, month: 7, responsible: expect.arrayContaining([{ role: 'lead', unit: 'Phòng Lao động - Thương binh và Xã hội' }]) }));
  });

  it('names a path that matches nothing', async () => {
    const run = await runCli(['deadlines', 'no-such-plan.md'], { cwd: root });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('no-such-plan.md');
  });

  it.skipIf(!existsSync(seeds))('finds the reporting deadlines of the seed plans', async () => {
    const run = await runCli(['deadlines', seeds, '--format', 'json'], { cwd: root });
    const listed = JSON.parse(run.stdout) as { day?: number; month?: number; year?: number; file: string }[];
    expect(listed).toContainEqual(expect.objectContaining({ day: 16, month: 9, year: 2021 }));
    expect(listed).toContainEqual(expect.objectContaining({ day: 5, month: 11, year: 2023 }));
  });
});
