// The job that sends one message. Queued by queueMessage in the caller's transaction (job key =
// message id, so one job per message), retried with backoff while the provider fails in a way that
// may pass; the message row, not the job, is the record people read.
import { z } from 'zod';
import type { JobDefinition } from '../../jobs/runtime.ts';
import { deliverMessage } from './delivery.ts';

export type SendJobData = { messageId: string };

export const SEND_JOB_NAME = 'message-send';

/** A definition with its own retry policy; tests make one with short delays. */
export function makeSendJob(policy: { retryLimit: number; retryDelaySeconds: number }): JobDefinition<SendJobData> {
  return {
    name: SEND_JOB_NAME,
    data: z.object({ messageId: z.uuid() }),
    retryLimit: policy.retryLimit,
    retryDelaySeconds: policy.retryDelaySeconds,
    async run(deps, data, job) {
      await deliverMessage(deps, data.messageId, { lastAttempt: job.retryCount >= policy.retryLimit });
    },
  };
}

/** 6 attempts over about a quarter of an hour: 30 s, 1, 2, 4 and 8 min apart. */
export const messageSendJob = makeSendJob({ retryLimit: 5, retryDelaySeconds: 30 });
