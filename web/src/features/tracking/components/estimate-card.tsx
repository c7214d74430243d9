// An estimate as the customer sees it: the lines, totals per VAT rate, validity, the shop's note,
// and — while it waits — Accept / Reject, each confirmed first (rejecting asks for a comment).
import { Alert, Badge, Button, Card, Divider, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconCircleCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney, formatQuantity } from '../../../i18n/format.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import type { Decision, DecisionBody, DecisionResult, PublicEstimate } from '../api/tracking-api.ts';
import { publicErrorText } from './public-states.tsx';

type Props = {
  estimate: PublicEstimate;
  /** Where the decision goes (the estimate link or the tracking link). */
  decide: { mutate: (body: DecisionBody, opts: { onSuccess: (r: DecisionResult) => void }) => void; isPending: boolean; error: unknown; reset: () => void };
  /** The decision just made on this page, for the thank-you state. */
  decided: Decision | null;
  onDecided: (d: Decision) => void;
};

export function EstimateCard({ estimate: e, decide, decided, onDecided }: Props) {
  const t = useT();
  const lang = t.lang;
  const [asking, setAsking] = useState<Decision | null>(null);
  const waiting = e.status === 'sent' && !decided;
  const [comment, setComment] = useState('');
  const money = (minor: number) => formatMoney(minor, 'PLN', lang);
  const vatLabel = (code: string) => (lang === 'pl' ? e.vatLabels[code]?.pl : e.vatLabels[code]?.en) ?? code;
  const unit = (u: string) => t.opt(`tracking.units.${u}`) ?? u;

  const close = () => {
    setAsking(null);
    decide.reset();
  };
  const confirm = () => {
    if (!asking) return;
    const decision = asking;
    decide.mutate(
      { decision, comment: decision === 'rejected' ? comment.trim() : '' },
      {
        onSuccess: () => {
          setAsking(null);
          onDecided(decision);
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" data-testid="estimate-card">
      <Stack gap="md">
        <Stack gap={6}>
          <Title order={2} size="h3">
            {waiting ? t('tracking.estimate.title') : t('tracking.estimate.titleVersion', { version: e.version })}
          </Title>
          {waiting && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('tracking.estimate.titleVersion', { version: e.version })}
              </Text>
              {e.validUntil && (
                <Badge color="yellow" variant="light" data-testid="estimate-valid-until">
                  {t('tracking.estimate.validUntil', { date: formatDate(e.validUntil, lang) })}
                </Badge>
              )}
            </Group>
          )}
        </Stack>

        {waiting && <Text size="sm">{t('tracking.estimate.intro')}</Text>}

        <Stack gap={0} data-testid="estimate-lines">
          {e.lines.map((l, i) => (
            <div key={i}>
              {i > 0 && <Divider my={6} />}
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {l.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('tracking.estimate.line', { quantity: formatQuantity(l.quantity, lang), unit: unit(l.unit), price: money(l.unitPriceMinor), vat: vatLabel(l.vatRateCode) })}
                  </Text>
                </div>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {money(l.netMinor)}
                </Text>
              </Group>
            </div>
          ))}
        </Stack>

        <Stack gap={4} data-testid="estimate-totals">
          <Divider />
          <Group justify="space-between">
            <Text size="sm">{t('tracking.estimate.net')}</Text>
            <Text size="sm">{money(e.totals.netMinor)}</Text>
          </Group>
          {e.totals.rates
            .filter((r) => r.vatMinor !== 0)
            .map((r) => (
              <Group key={r.vatRateCode} justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('tracking.estimate.vat', { rate: vatLabel(r.vatRateCode) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {money(r.vatMinor)}
                </Text>
              </Group>
            ))}
          <Group justify="space-between">
            <Text fw={700}>{t('tracking.estimate.gross')}</Text>
            <Text fw={700} size="lg" data-testid="estimate-gross">
              {money(e.totals.grossMinor)}
            </Text>
          </Group>
        </Stack>

        {e.note && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} title={t('tracking.estimate.note')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.note}
            </Text>
          </Alert>
        )}

        {decided ? (
          <Alert color={decided === 'accepted' ? 'green' : 'blue'} icon={<IconCircleCheck size={18} />} data-testid="estimate-thanks">
            {decided === 'accepted' ? t('tracking.estimate.thanksAccepted') : t('tracking.estimate.thanksRejected')}
          </Alert>
        ) : waiting ? (
          <Group grow>
            <Button color="green" leftSection={<IconCheck size={18} />} onClick={() => setAsking('accepted')} data-testid="estimate-accept">
              {t('tracking.estimate.accept')}
            </Button>
            <Button color="red" variant="outline" leftSection={<IconX size={18} />} onClick={() => setAsking('rejected')} data-testid="estimate-reject">
              {t('tracking.estimate.reject')}
            </Button>
          </Group>
        ) : (
          <DecidedNote estimate={e} />
        )}
      </Stack>

      <Modal
        opened={asking !== null}
        onClose={close}
        centered
        title={asking === 'accepted' ? t('tracking.estimate.acceptTitle') : t('tracking.estimate.rejectTitle')}
        attributes={{ content: { 'data-testid': 'decision-modal' } }}
      >
        <Stack>
          <Text size="sm">{asking === 'accepted' ? t('tracking.estimate.acceptText', { amount: money(e.totals.grossMinor) }) : t('tracking.estimate.rejectText')}</Text>
          {asking === 'rejected' && (
            <Textarea
              label={t('tracking.estimate.comment')}
              placeholder={t('tracking.estimate.commentPlaceholder')}
              value={comment}
              onChange={(ev) => setComment(ev.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={3}
              data-autofocus
              data-testid="decision-comment"
            />
          )}
          <FormAlert message={decide.error ? publicErrorText(t, decide.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={asking === 'accepted' ? 'green' : 'red'} loading={decide.isPending} onClick={confirm} data-testid="decision-confirm">
              {asking === 'accepted' ? t('tracking.estimate.acceptConfirm') : t('tracking.estimate.rejectConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function DecidedNote({ estimate: e }: { estimate: PublicEstimate }) {
  const t = useT();
  const date = e.decidedAt ? formatDate(e.decidedAt, t.lang) : '';
  const text =
    e.status === 'accepted'
      ? t('tracking.estimate.statusAccepted', { date })
      : e.status === 'rejected'
        ? t('tracking.estimate.statusRejected', { date })
        : e.status === 'withdrawn'
          ? t('tracking.estimate.statusWithdrawn')
          : t('tracking.estimate.statusDraft');
  return (
    <Alert color={e.status === 'accepted' ? 'green' : 'gray'} icon={<IconInfoCircle size={18} />} data-testid="estimate-status">
      {text}
    </Alert>
  );
}
