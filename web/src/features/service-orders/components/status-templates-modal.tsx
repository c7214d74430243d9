// The wording of the messages a status sends to the customer: email and SMS, Polish and English, each
// either the company's own text or the built-in one. Placeholders ({{orderNumber}}…) are inserted at
// the cursor; the server refuses unknown ones (422 messaging.template_unknown_placeholder at the field).
import { Badge, Button, Center, Group, Loader, Modal, Stack, Tabs, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { splitFieldErrors, generalErrorText } from '../../../ui/use-form-state.ts';
import type { OrderStatus } from '../api/order-shapes.ts';
import { TEMPLATE_CHANNELS, TEMPLATE_LANGS, useStatusTemplateMutation, useStatusTemplates, type StatusTemplate, type TemplateChannel, type TemplateLang } from '../api/statuses-api.ts';
import { statusName } from './order-text.ts';

type Key = `${TemplateChannel}-${TemplateLang}`;
const KEYS: Key[] = TEMPLATE_CHANNELS.flatMap((c) => TEMPLATE_LANGS.map((l) => `${c}-${l}` as const));
const keyOf = (x: { channel: TemplateChannel; lang: TemplateLang }): Key => `${x.channel}-${x.lang}`;

type Values = { subject: string; body: string };
type Errors = { subject?: string | undefined; body?: string | undefined; general?: string | null };
/** What the manager typed in one tab (kept while switching tabs), and the errors of its last save. */
type Draft = { values: Values; errors: Errors };

export const templateTabLabel = (t: Translate, channel: TemplateChannel, lang: TemplateLang) => `${t(`orders.templates.channels.${channel}`)} ${lang.toUpperCase()}`;

export function StatusTemplatesModal({ status, onClose }: { status: OrderStatus; onClose: () => void }) {
  const t = useT();
  const templates = useStatusTemplates(status.id);
  const [tab, setTab] = useState<Key>('email-pl');
  const [drafts, setDrafts] = useState<Partial<Record<Key, Draft>>>({});
  const items = templates.data ?? [];
  const dirty = (tpl: StatusTemplate) => {
    const d = drafts[keyOf(tpl)];
    return !!d && (d.values.subject !== tpl.subject || d.values.body !== tpl.body);
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.templates.title', { name: statusName(t, status) })} size="xl" attributes={{ content: { 'data-testid': 'status-templates-modal' } }}>
      {templates.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : templates.error ? (
        <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('orders.templates.intro')}
          </Text>
          {!status.notifyEmail && !status.notifySms && (
            <Text size="sm" c="orange.8" data-testid="templates-notify-off">
              {t('orders.templates.notifyOff')}
            </Text>
          )}
          <Tabs value={tab} onChange={(v) => v && setTab(v as Key)} keepMounted={false}>
            <Tabs.List mb="md">
              {KEYS.map((k) => {
                const tpl = items.find((x) => keyOf(x) === k);
                const [channel, lang] = k.split('-') as [TemplateChannel, TemplateLang];
                return (
                  <Tabs.Tab
                    key={k}
                    value={k}
                    data-testid={`template-tab-${k}`}
                    rightSection={
                      tpl && !tpl.isDefault ? (
                        <Badge size="xs" variant="light" color="blue">
                          {t('orders.templates.custom')}
                        </Badge>
                      ) : undefined
                    }
                  >
                    {templateTabLabel(t, channel, lang)}
                    {tpl && dirty(tpl) ? ' •' : ''}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {items.map((tpl) => (
              <Tabs.Panel key={keyOf(tpl)} value={keyOf(tpl)}>
                <TemplateEditor
                  statusId={status.id}
                  template={tpl}
                  draft={drafts[keyOf(tpl)] ?? { values: { subject: tpl.subject, body: tpl.body }, errors: {} }}
                  onDraft={(d) => setDrafts((all) => ({ ...all, [keyOf(tpl)]: d }))}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="templates-close">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

type EditorProps = { statusId: string; template: StatusTemplate; draft: Draft; onDraft: (d: Draft) => void };

function TemplateEditor({ statusId, template: tpl, draft, onDraft }: EditorProps) {
  const t = useT();
  const save = useStatusTemplateMutation(statusId);
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetError, setResetError] = useState<string | null>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<keyof Values>('body');
  const email = tpl.channel === 'email';
  const { values: v, errors } = draft;
  const set = (field: keyof Values, value: string) => onDraft({ values: { ...v, [field]: value }, errors: { ...errors, [field]: undefined } });
  const changed = v.subject !== tpl.subject || v.body !== tpl.body;

  /** {{name}} where the cursor is in the field last used (the body at first), then the cursor after it. */
  const insert = (name: string) => {
    const field = email ? lastField.current : 'body';
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const token = `{{${name}}}`;
    const text = v[field];
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    set(field, text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = { subject: email ? v.subject.trim() : '', body: v.body.trim() };
    const client: Errors = {};
    if (!values.body) client.body = t('common.required');
    if (email && !values.subject) client.subject = t('common.required');
    if (client.body || client.subject) return onDraft({ values: v, errors: client });
    save.mutate(
      { channel: tpl.channel, lang: tpl.lang, body: values },
      {
        onSuccess: (saved) => {
          notifySuccess(t('orders.templates.saved', { which: templateTabLabel(t, saved.channel, saved.lang) }));
          onDraft({ values: { subject: saved.subject, body: saved.body }, errors: {} });
        },
        onError: (error) => {
          const { matched, rest } = splitFieldErrors(error, { subject: '', body: '' }, t);
          onDraft({ values: v, errors: { ...matched, general: generalErrorText(t, error, Object.keys(matched).length > 0, rest) } });
        },
      },
    );
  };

  const reset = () =>
    save.mutate(
      { channel: tpl.channel, lang: tpl.lang, body: null },
      {
        onSuccess: (saved) => {
          notifySuccess(t('orders.templates.resetDone', { which: templateTabLabel(t, saved.channel, saved.lang) }));
          onDraft({ values: { subject: saved.subject, body: saved.body }, errors: {} });
          setConfirmReset(false);
        },
        onError: (error) => setResetError(apiErrorText(t, error)),
      },
    );

  return (
    <form onSubmit={submit} noValidate data-testid="template-form" data-channel={tpl.channel} data-lang={tpl.lang}>
      <Stack>
        <Text size="sm" c="dimmed" data-testid="template-origin">
          {tpl.isDefault ? t('orders.templates.isDefault') : t('orders.templates.isCustom')}
        </Text>
        {email && (
          <TextInput
            ref={subjectRef}
            label={t('orders.templates.subject')}
            required
            maxLength={200}
            value={v.subject}
            onChange={(e) => set('subject', e.currentTarget.value)}
            onFocus={() => (lastField.current = 'subject')}
            error={errors.subject}
            data-testid="template-subject"
          />
        )}
        <Textarea
          ref={bodyRef}
          label={t('orders.templates.body')}
          required
          autosize
          minRows={email ? 8 : 3}
          maxRows={20}
          maxLength={5000}
          value={v.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          onFocus={() => (lastField.current = 'body')}
          error={errors.body}
          description={!email ? <SmsLength text={v.body} /> : undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-testid="template-body"
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('orders.templates.placeholdersTitle')}
          </Text>
          <Group gap={6} data-testid="template-placeholders">
            {tpl.placeholders.map((name) => (
              <Tooltip key={name} label={t.opt(`orders.templates.placeholders.${name}`) ?? name} withArrow>
                <Button
                  size="compact-xs"
                  variant="light"
                  radius="xl"
                  ff="monospace"
                  // keep the cursor where it is in the field
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insert(name)}
                  aria-label={t('orders.templates.insert', { name: t.opt(`orders.templates.placeholders.${name}`) ?? name })}
                  data-testid="template-placeholder"
                  data-name={name}
                >
                  {`{{${name}}}`}
                </Button>
              </Tooltip>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {t('orders.templates.placeholdersHint')}
          </Text>
        </Stack>
        <FormAlert message={errors.general} />
        <Group justify="space-between">
          <Button
            variant="subtle"
            color="orange"
            leftSection={<IconRestore size={16} />}
            disabled={tpl.isDefault}
            onClick={() => {
              setResetError(null);
              setConfirmReset(true);
            }}
            data-testid="template-reset"
          >
            {t('orders.templates.reset')}
          </Button>
          <Button type="submit" loading={save.isPending && !confirmReset} disabled={!changed} data-testid="template-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmReset}
        title={t('orders.templates.resetTitle')}
        confirmLabel={t('orders.templates.reset')}
        color="orange"
        loading={save.isPending}
        error={resetError}
        onConfirm={reset}
        onClose={() => setConfirmReset(false)}
      >
        {t('orders.templates.resetText', { which: templateTabLabel(t, tpl.channel, tpl.lang) })}
      </ConfirmModal>
    </form>
  );
}

/**
 * The SMS's length as written. How many parts it is sent as depends on the encoding and on the
 * values put in for the placeholders, which the server counts when sending (messaging/sms.rules.ts).
 */
function SmsLength({ text }: { text: string }) {
  const t = useT();
  const length = [...text].length;
  return (
    <Text span size="xs" c="dimmed" data-testid="template-sms-count" data-count={length}>
      {t.n('orders.templates.smsCharacters', length)} · {t('orders.templates.smsHint')}
    </Text>
  );
}
