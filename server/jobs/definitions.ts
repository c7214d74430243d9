// Every background job the app runs. main.ts starts them; the jobs admin page lists them.
import type { JobDefinition } from './runtime.ts';
import { housekeepingJob } from './housekeeping.ts';
import { assetDueCheckJob } from '../modules/assets/due-check.job.ts';
import { messageSendJob } from '../modules/messaging/send.job.ts';
import { messagesDispatchJob } from '../modules/messaging/dispatch.job.ts';
import { orderWatchJob } from '../modules/service-orders/order-watch.job.ts';

export const ALL_JOBS: JobDefinition<any>[] = [housekeepingJob, assetDueCheckJob, messageSendJob, messagesDispatchJob, orderWatchJob];
