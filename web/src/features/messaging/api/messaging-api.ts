// Messaging: GET/PUT /api/v1/messaging/settings (secrets write-only), POST /api/v1/messaging/test,
// GET /api/v1/messages (keyset paging), POST /api/v1/messages/:id/retry.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';

export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;
export const SMS_PROVIDERS = ['none', 'smsapi', 'webhook'] as const;
export const CHANNELS = ['email', 'sms'] as const;
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];
export type SmsProvider = (typeof SMS_PROVIDERS)[number];
export type Channel = (typeof CHANNELS)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export type MessagingSettings = {
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: SmtpSecurity;
  smtpUser: string;
  smtpPasswordSet: boolean;
  fromAddress: string;
  fromName: string;
  replyTo: string;
  smsProvider: SmsProvider;
  smsSender: string;
  smsapiTokenSet: boolean;
  smsapiBaseUrl: string;
  webhookUrl: string;
  webhookSecretHeader: string;
  webhookSecretSet: boolean;
  smsTransliterate: boolean;
  emailConfigured: boolean;
  smsConfigured: boolean;
  updatedAt: string | null;
};

/** A secret in the body: undefined = keep the stored one, null = remove it, a string = replace it. */
type Secret = string | null | undefined;
export type MessagingSettingsInput = Omit<MessagingSettings, 'smtpPasswordSet' | 'smsapiTokenSet' | 'webhookSecretSet' | 'emailConfigured' | 'smsConfigured' | 'updatedAt'> & {
  smtpPassword?: Secret;
  smsapiToken?: Secret;
  webhookSecret?: Secret;
};

export type SmsInfo = { encoding: 'GSM-7' | 'UCS-2'; segments: number; characters: number };

export type Message = {
  id: string;
  channel: Channel;
  to: string;
  subject: string;
  body: string;
  html: string | null;
  lang: Language;
  relatedType: string | null;
  relatedId: string | null;
  correlation: Record<string, unknown>;
  eventKey: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  queuedAt: string;
  sentAt: string | null;
  createdBy: string | null;
  sms: SmsInfo | null;
};

export type TestResult = { message: Message; ok: boolean; error: string | null };

export type MessageFilters = { channel: '' | Channel; status: '' | MessageStatus; relatedType: string; relatedId: string };
export const MESSAGE_FILTER_DEFAULTS: MessageFilters = { channel: '', status: '', relatedType: '', relatedId: '' };
export const MESSAGE_FILTER_VALUES = { channel: ['', ...CHANNELS], status: ['', ...MESSAGE_STATUSES] } as const;

export const REFRESH_MS = 10_000;
const PAGE = 25;

export const messagingKeys = {
  all: ['messaging'] as const,
  settings: () => [...messagingKeys.all, 'settings'] as const,
  messages: (filters: MessageFilters) => [...messagingKeys.all, 'messages', filters] as const,
};

export function useMessagingSettings() {
  return useQuery({ queryKey: messagingKeys.settings(), queryFn: ({ signal }) => api<MessagingSettings>('/api/v1/messaging/settings', { signal }) });
}

export function useUpdateMessagingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MessagingSettingsInput) => api<MessagingSettings>('/api/v1/messaging/settings', { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(messagingKeys.settings(), saved),
  });
}

export function useSendTestMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { channel: Channel; to: string; lang: Language }) => api<TestResult>('/api/v1/messaging/test', { method: 'POST', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: [...messagingKeys.all, 'messages'] }),
  });
}

export function useMessages(filters: MessageFilters) {
  return useInfiniteQuery({
    queryKey: messagingKeys.messages(filters),
    queryFn: ({ pageParam, signal }) => api<Page<Message>>('/api/v1/messages', { query: { ...filters, limit: PAGE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
    refetchInterval: REFRESH_MS,
  });
}

export function useRetryMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Message>(`/api/v1/messages/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
    onSuccess: () => {
      const refresh = () => void qc.invalidateQueries({ queryKey: [...messagingKeys.all, 'messages'] });
      refresh();
      setTimeout(refresh, 2500); // the send job runs within seconds: show its outcome without waiting for the 10 s refresh
    },
  });
}
