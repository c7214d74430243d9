import { Alert, Anchor, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconLink, IconLinkOff, IconRefresh } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import type { Order, Totals } from '../api/order-shapes.ts';
import { intakeReceiptUrl, useNewTrackingLink, useRevokeTrackingLink } from '../api/orders-api.ts';
import { channelLabel } from './order-text.ts';
import { OrderPhotos } from './order-photos.tsx';
import { OrderInvoicePanel } from '../../invoices/settings/order-invoice-panel.tsx';
import { PrintButton } from './release-modal.tsx';

/** The intake as recorded, whom the customer hears from and how, the release, and the money so far. */
export function OrderOverview({ order: o, pathName }: { order: Order; pathName: string | null }) {
  const t = useT();
  const can = useCan();
  const dash = t('common.empty');
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {t('orders.detail.sections.intake')}
          </Title>
          <Stack gap="sm">
            <DetailItem label={t('orders.fields.reportedProblem')} testId="order-problem">
              {o.reportedProblem}
            </DetailItem>
            <SimpleGrid cols={2}>
              <DetailItem label={t('orders.fields.accessories')}>{o.accessories || dash}</DetailItem>
              <DetailItem label={t('orders.fields.condition')}>{o.condition || dash}</DetailItem>
              <DetailItem label={t('orders.fields.servicePath')}>{pathName ?? dash}</DetailItem>
              <DetailItem label={t('orders.fields.updatedAt')}>{formatDateTime(o.updatedAt, t.lang)}</DetailItem>
            </SimpleGrid>
          </Stack>
        </Paper>
        <Stack>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">
              {t('orders.detail.sections.notify')}
            </Title>
            <SimpleGrid cols={2}>
              <DetailItem label={t('orders.fields.contact')}>{o.contactName ?? dash}</DetailItem>
              <DetailItem label={t('orders.fields.notifyChannel')} testId="order-notify">
                {o.notifyChannel === 'none' ? channelLabel(t, 'none') : `${channelLabel(t, o.notifyChannel)}: ${o.notifyTo || dash}`}
              </DetailItem>
              <DetailItem label={t('orders.fields.lang')}>{t(`languages.${o.lang}`)}</DetailItem>
            </SimpleGrid>
            <TrackingLinkControls order={o} />
          </Paper>
          {(o.readyAt || o.releasedAt) && (
            <Paper withBorder p="md" radius="md">
              <Title order={4} mb="sm">
                {t('orders.detail.sections.release')}
              </Title>
              <SimpleGrid cols={2}>
                <DetailItem label={t('orders.fields.readyAt')}>{formatDateTime(o.readyAt, t.lang)}</DetailItem>
                <DetailItem label={t('orders.fields.releasedAt')}>{formatDateTime(o.releasedAt, t.lang)}</DetailItem>
                <DetailItem label={t('orders.fields.releasedTo')} testId="order-released-to">
                  {o.releasedTo ?? dash}
                </DetailItem>
              </SimpleGrid>
            </Paper>
          )}
        </Stack>
      </SimpleGrid>
      <OrderPhotos orderId={o.id} mayWrite={can('orders:write')} />
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">
          {t('orders.detail.sections.totals')}
        </Title>
        <TotalsTable totals={o.totals} />
      </Paper>
      <OrderInvoicePanel order={o} />
    </Stack>
  );
}

/** Net, VAT and gross per VAT rate, and the sum (as the invoice will show them). */
export function TotalsTable({ totals }: { totals: Totals }) {
  const t = useT();
  const vat = useVatLabel();
  if (totals.rates.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="order-totals-empty">
        {t('orders.totals.empty')}
      </Text>
    );
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={6} data-testid="order-totals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.totals.vatRate')}</Table.Th>
            <Table.Th ta="right">{t('orders.totals.net')}</Table.Th>
            <Table.Th ta="right">{t('orders.totals.vat')}</Table.Th>
            <Table.Th ta="right">{t('orders.totals.gross')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.rates.map((r) => (
            <Table.Tr key={r.vatRateCode}>
              <Table.Td>{vat(r.vatRateCode, t.lang)}</Table.Td>
              <Table.Td ta="right">{money(r.netMinor)}</Table.Td>
              <Table.Td ta="right">{money(r.vatMinor)}</Table.Td>
              <Table.Td ta="right">{money(r.grossMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t('orders.totals.sum')}</Table.Td>
            <Table.Td ta="right">{money(totals.netMinor)}</Table.Td>
            <Table.Td ta="right">{money(totals.vatMinor)}</Table.Td>
            <Table.Td ta="right" data-testid="order-total-gross">
              {money(totals.grossMinor)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A new public tracking link (the old one stops working), shown once; or no link at all. */
function TrackingLinkControls({ order }: { order: Order }) {
  const t = useT();
  const can = useCan();
  const renew = useNewTrackingLink(order.id);
  const revoke = useRevokeTrackingLink(order.id);
  const [asking, setAsking] = useState<'renew' | 'revoke' | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useLastDefined(asking);
  if (!can('orders:write') || order.phase === 'released' || order.phase === 'cancelled') return null;
  const close = () => {
    setAsking(null);
    setError(null);
  };
  const confirm = () =>
    asking === 'renew'
      ? renew.mutate(undefined, {
          onSuccess: (r) => {
            setUrl(r.trackingUrl);
            close();
          },
          onError: (e) => setError(apiErrorText(t, e)),
        })
      : revoke.mutate(undefined, {
          onSuccess: () => {
            setUrl(null);
            notifySuccess(t('orders.tracking.revoked'));
            close();
          },
          onError: (e) => setError(apiErrorText(t, e)),
        });
  return (
    <Stack gap="xs" mt="md">
      {url && <TrackingLinkBox url={url} title={t('orders.tracking.renewedTitle')} />}
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => setAsking('renew')} data-testid="tracking-renew">
          {t('orders.tracking.renew')}
        </Button>
        <Button size="xs" variant="subtle" color="red" leftSection={<IconLinkOff size={14} />} onClick={() => setAsking('revoke')} data-testid="tracking-revoke">
          {t('orders.tracking.revoke')}
        </Button>
      </Group>
      <ConfirmModal
        opened={asking !== null}
        title={shown === 'revoke' ? t('orders.tracking.revokeTitle') : t('orders.tracking.renewTitle')}
        confirmLabel={shown === 'revoke' ? t('orders.tracking.revoke') : t('orders.tracking.renewConfirm')}
        color={shown === 'revoke' ? 'red' : 'orange'}
        loading={renew.isPending || revoke.isPending}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        {shown === 'revoke' ? t('orders.tracking.revokeText') : t('orders.tracking.renewText')}
      </ConfirmModal>
    </Stack>
  );
}

/** The tracking link with a copy button. */
export function TrackingLinkBox({ url, title, text, children }: { url: string; title: string; text?: string; children?: ReactNode }) {
  const t = useT();
  return (
    <Alert color="teal" icon={<IconLink size={18} />} title={title} data-testid="tracking-banner">
      <Stack gap="xs">
        <Text size="sm">{text ?? t('orders.tracking.text')}</Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Anchor href={url} target="_blank" rel="noopener" size="sm" style={{ wordBreak: 'break-all' }} data-testid="tracking-url">
            {url}
          </Anchor>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" color={copied ? 'teal' : 'blue'} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy} style={{ flexShrink: 0 }} data-testid="tracking-copy">
                {copied ? t('orders.tracking.copied') : t('orders.tracking.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {children}
      </Stack>
    </Alert>
  );
}

/** Right after intake: the one-time tracking link and the intake receipt to print. */
export function CreatedBanner({ order, trackingUrl, onClose }: { order: Order; trackingUrl: string | null; onClose: () => void }) {
  const t = useT();
  const print = <PrintButton url={intakeReceiptUrl(order.id, order.lang)} label={t('orders.tracking.printIntake')} testId="print-intake" />;
  if (!trackingUrl) return <Group>{print}</Group>;
  return (
    <TrackingLinkBox url={trackingUrl} title={t('orders.tracking.title', { number: order.number })}>
      <Group justify="space-between">
        <Group>{print}</Group>
        <Button size="xs" variant="subtle" color="gray" onClick={onClose} data-testid="tracking-dismiss">
          {t('common.close')}
        </Button>
      </Group>
    </TrackingLinkBox>
  );
}
