import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses as p } from '../../kernel/http/problem.ts';
import { messageListQuery, messageSchema, settingsInput, settingsSchema, testSendInput, testSendResult } from './messaging.schemas.ts';
import { getMessage, listMessages, retryMessage, sendTestMessage } from './messages.usecases.ts';
import { getSettings, updateSettings } from './settings.usecases.ts';

const tags = ['messaging'];
const idParams = z.object({ id: z.uuid() });

export function messagingRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/messaging/settings',
    { config: { permission: 'messaging:read' }, schema: { tags, summary: 'How email (SMTP) and SMS are sent; secrets are never returned, only whether they are set', response: { 200: settingsSchema, ...p(401, 403) } } },
    async (r) => getSettings(deps, ctxOf(r)),
  );
  app.put(
    '/api/v1/messaging/settings',
    {
      config: { permission: 'messaging:configure' },
      schema: { tags, summary: 'Change the sending settings (omit a secret to keep it)', body: settingsInput, response: { 200: settingsSchema, ...p(400, 401, 403, 422) } },
    },
    async (r) => updateSettings(deps, ctxOf(r), r.body),
  );
  app.post(
    '/api/v1/messaging/test',
    {
      config: { permission: 'messaging:configure' },
      schema: {
        tags,
        summary: 'Send a test email or SMS now through the saved settings; the answer tells whether the provider accepted it (the message is in the delivery log)',
        body: testSendInput,
        response: { 200: testSendResult, ...p(400, 401, 403, 422) },
      },
    },
    async (r) => sendTestMessage(deps, ctxOf(r), r.body),
  );
  app.get(
    '/api/v1/messages',
    {
      config: { permission: 'messaging:read' },
      schema: { tags, summary: 'The delivery log: emails and SMS, newest first (filter by record, status, channel; keyset paging)', querystring: messageListQuery, response: { 200: pageSchema(messageSchema), ...p(400, 401, 403) } },
    },
    async (r) => listMessages(deps, ctxOf(r), r.query),
  );
  app.get(
    '/api/v1/messages/:id',
    { config: { permission: 'messaging:read' }, schema: { tags, summary: 'One message with its delivery state', params: idParams, response: { 200: messageSchema, ...p(400, 401, 403, 404) } } },
    async (r) => getMessage(deps, ctxOf(r), r.params.id),
  );
  app.post(
    '/api/v1/messages/:id/retry',
    {
      config: { permission: 'messaging:configure' },
      schema: { tags, summary: 'Send a failed message again (409 messaging.not_failed otherwise)', params: idParams, response: { 200: messageSchema, ...p(400, 401, 403, 404, 409, 503) } },
    },
    async (r) => retryMessage(deps, ctxOf(r), r.params.id),
  );
}
