// The daily check of service dates: every open date whose reminder day has come (or whose meter
// threshold is reached) gets one task for the kind's role and one pending reminder to the asset's
// contact. Idempotent by construction: the task's dedupe key is service date + due day, so a second
// run, a retry or a second app instance creates nothing new.
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import type { JobDefinition } from '../../jobs/runtime.ts';
import { createTaskOnce } from '../tasks/tasks.usecases.ts';
import { pendingReminders } from '../tasks/tasks.table.ts';
import { appendAssetEvent } from './asset-events.ts';
import { dueReason, formatMeter } from './assets.rules.ts';
import { quantityFromDb } from '../../kernel/money/quantity.ts';

const BATCH = 500;

type Due = {
  id: string;
  asset_id: string;
  due_on: string;
  remind_on: string;
  meter_due_at: string | null;
  kind_name: string;
  kind_code: string | null;
  task_role: string;
  asset_name: string;
  serial_number: string;
  customer_name: string;
  contact_id: string | null;
  contact_email: string | null;
  meter_value: string | null;
  meter_unit: string | null;
};

export const dueTaskKey = (serviceDateId: string, dueOn: string) => `service-date:${serviceDateId}:${dueOn}`;

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Open dates due today (reminder day reached, or meter threshold passed) that have no task yet. */
async function dueBatch(db: Db, today: string, after: [string, string] | null): Promise<Due[]> {
  const cursor = after ? sql`and (sd.remind_on, sd.id) > (${after[0]}::date, ${after[1]}::uuid)` : sql``;
  return rowsOf<Due>(
    await db.execute(sql`
      select sd.id, sd.asset_id, sd.due_on::text, sd.remind_on::text, sd.meter_due_at::text, k.name as kind_name, k.code as kind_code, k.task_role,
             a.name as asset_name, a.serial_number, c.name as customer_name, a.contact_id, ct.email as contact_email,
             a.meter_value::text, ty.meter_unit
      from asset_service_dates sd
      join service_date_kinds k on k.id = sd.kind_id
      join assets a on a.id = sd.asset_id
      join asset_types ty on ty.id = a.asset_type_id
      join customers c on c.id = a.customer_id
      left join customer_contacts ct on ct.id = a.contact_id
      where sd.status = 'open' and a.archived_at is null
        and (sd.remind_on <= ${today}::date or (sd.meter_due_at is not null and a.meter_value >= sd.meter_due_at))
        and not exists (select 1 from tasks t where t.dedupe_key = 'service-date:' || sd.id || ':' || sd.due_on)
        ${cursor}
      order by sd.remind_on, sd.id
      limit ${BATCH}`),
  );
}

export async function runDueCheck(deps: Deps): Promise<{ tasks: number; reminders: number }> {
  const ctx = { actor: systemActor('due-date check') };
  const now = deps.clock.now();
  const today = businessDate(now);
  let after: [string, string] | null = null;
  let created = 0;
  let reminders = 0;
  for (;;) {
    const batch = await dueBatch(deps.database.db, today, after);
    if (batch.length === 0) break;
    await deps.database.db.transaction(async (tx) => {
      for (const d of batch) {
        const reason = dueReason(
          { remindOn: d.remind_on, meterDueAt: d.meter_due_at === null ? null : quantityFromDb(d.meter_due_at) },
          today,
          d.meter_value === null ? null : quantityFromDb(d.meter_value),
        );
        if (!reason) continue;
        const key = dueTaskKey(d.id, d.due_on);
        const params = {
          assetId: d.asset_id,
          assetName: d.asset_name,
          serialNumber: d.serial_number,
          customerName: d.customer_name,
          kindName: d.kind_name,
          kindCode: d.kind_code,
          dueOn: d.due_on,
          reason,
          meterDueAt: d.meter_due_at === null ? null : formatMeter(quantityFromDb(d.meter_due_at)),
          meterUnit: d.meter_unit,
        };
        const task = await createTaskOnce(tx, ctx, {
          kind: reason === 'meter' ? 'meter_threshold' : 'service_date_due',
          subjectType: 'asset',
          subjectId: d.asset_id,
          sourceType: 'asset_service_date',
          sourceId: d.id,
          params,
          assigneeRole: d.task_role,
          dueOn: d.due_on,
          dedupeKey: key,
          createdAt: now,
        });
        if (!task) continue; // another run got here first
        created++;
        await appendAssetEvent(tx, ctx, now, d.asset_id, 'service_date_due', { kindName: d.kind_name, kindCode: d.kind_code, dueOn: d.due_on, reason });
        if (d.contact_id && d.contact_email) {
          const r = await tx
            .insert(pendingReminders)
            .values({ subjectType: 'asset_service_date', subjectId: d.id, contactId: d.contact_id, channel: 'email', params, dedupeKey: key, createdAt: now })
            .onConflictDoNothing({ target: pendingReminders.dedupeKey })
            .returning({ id: pendingReminders.id });
          reminders += r.length;
        }
      }
    });
    const last = batch[batch.length - 1]!;
    after = [last.remind_on, last.id];
  }
  return { tasks: created, reminders };
}

export const assetDueCheckJob: JobDefinition<Record<string, never>> = {
  name: 'asset-due-check',
  data: z.object({}).strip() as unknown as z.ZodType<Record<string, never>>,
  cron: '15 6 * * *', // 06:15 Warsaw time, before the shop opens
  retryLimit: 3,
  retryDelaySeconds: 60,
  async run(deps) {
    await runDueCheck(deps);
  },
};
