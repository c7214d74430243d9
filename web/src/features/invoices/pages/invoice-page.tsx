// One invoice: a draft as an editor (data, lines, totals; save, preview, issue, cancel), an issued
// invoice read-only with its payments, corrections and KSeF state, and its history.
import { Anchor, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconCash, IconCloudUpload, IconFileCode, IconFileInvoice, IconHistory, IconPrinter, IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import type { Invoice } from '../api/invoice-shapes.ts';
import { invoicePdfUrl, invoiceXmlUrl, useInvoice, useMarkSent } from '../api/invoices-api.ts';
import { CorrectButton, CorrectionsSection } from '../components/corrections-section.tsx';
import { DraftEditor } from '../components/draft-editor.tsx';
import { InvoiceStatusBadge, KsefBadge } from '../components/invoice-badges.tsx';
import { InvoiceDocument } from '../components/invoice-document.tsx';
import { invoiceTitle } from '../components/invoice-text.ts';
import { KsefSection } from '../components/ksef-section.tsx';
import { PaymentsSection } from '../components/payments-section.tsx';

const TABS = ['document', 'payments', 'ksef', 'audit'] as const;

export function InvoicePage() {
  const { id = '' } = useParams();
  const invoice = useInvoice(id);
  if (invoice.isPending) return <PageLoader />;
  if (invoice.error) return <QueryError error={invoice.error} onRetry={() => void invoice.refetch()} />;
  return <InvoiceDetail key={id} invoice={invoice.data} />;
}

function InvoiceDetail({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const can = useCan();
  const vatLabel = useVatLabel();
  const [tab, setTab] = useTabParam(TABS);
  const draft = i.status === 'draft';
  const issued = i.status === 'issued';
  const payable = issued && i.kind === 'vat';
  const editable = draft && can('invoices:draft');

  const header = (actions: ReactNode) => (
    <>
      <Breadcrumbs>
        <Anchor component={Link} to="/invoices" size="sm">
          {t('invoices.title')}
        </Anchor>
        <span>{i.number ?? t('invoices.draftNumber')}</span>
      </Breadcrumbs>
      <PageHeader
        title={<span data-testid="invoice-title">{invoiceTitle(t, i)}</span>}
        badges={
          <>
            <InvoiceStatusBadge invoice={i} size="lg" />
            {issued && <KsefBadge status={i.ksefStatus} size="lg" />}
          </>
        }
        subtitle={<InvoiceLinks invoice={i} />}
        actions={actions}
      />
    </>
  );

  const auditNames = { vatRateCode: (code: string) => vatLabel(code, t.lang) };
  const tabs = (document: ReactNode) => (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="document" leftSection={<IconFileInvoice size={16} />} data-testid="tab-document">
          {draft ? t('invoices.detail.tabs.draft') : t('invoices.detail.tabs.document')}
        </Tabs.Tab>
        {payable && (
          <Tabs.Tab value="payments" leftSection={<IconCash size={16} />} data-testid="tab-payments">
            {t('invoices.detail.tabs.payments')}
          </Tabs.Tab>
        )}
        {issued && (
          <Tabs.Tab value="ksef" leftSection={<IconCloudUpload size={16} />} data-testid="tab-ksef">
            {t('invoices.detail.tabs.ksef')}
          </Tabs.Tab>
        )}
        {can('audit:read') && (
          <Tabs.Tab value="audit" leftSection={<IconHistory size={16} />} data-testid="tab-audit">
            {t('invoices.detail.tabs.audit')}
          </Tabs.Tab>
        )}
      </Tabs.List>
      <Tabs.Panel value="document">{document}</Tabs.Panel>
      {payable && (
        <Tabs.Panel value="payments">
          <PaymentsSection invoice={i} />
        </Tabs.Panel>
      )}
      {issued && (
        <Tabs.Panel value="ksef">
          <KsefSection invoice={i} />
        </Tabs.Panel>
      )}
      <Tabs.Panel value="audit">
        <AuditTimeline entity="invoices" id={i.id} names={auditNames} />
      </Tabs.Panel>
    </Tabs>
  );

  if (editable) return <DraftEditor invoice={i} header={header} tabs={tabs} />;

  return (
    <Stack>
      {header(<IssuedActions invoice={i} />)}
      {payable && <AmountsStrip invoice={i} onPayments={tab === 'payments' ? undefined : () => setTab('payments')} />}
      {tabs(
        <Stack>
          <InvoiceDocument invoice={i} />
          {i.kind === 'vat' && issued && <CorrectionsSection invoice={i} />}
        </Stack>,
      )}
    </Stack>
  );
}

/** Customer, service order, corrected invoice and corrections, as links under the title. */
function InvoiceLinks({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const parts: ReactNode[] = [
    <Anchor key="c" component={Link} to={`/customers/${i.customerId}`} data-testid="invoice-customer-link">
      {i.customerName}
    </Anchor>,
  ];
  if (i.serviceOrderId)
    parts.push(
      <Text key="o" span>
        {t('invoices.detail.order')}{' '}
        <Anchor component={Link} to={`/orders/${i.serviceOrderId}`} data-testid="invoice-order-link">
          {i.serviceOrderNumber ?? '…'}
        </Anchor>
      </Text>,
    );
  if (i.correctsInvoiceId)
    parts.push(
      <Text key="k" span>
        {t('invoices.detail.corrects')}{' '}
        <Anchor component={Link} to={`/invoices/${i.correctsInvoiceId}`} ff="monospace" data-testid="invoice-corrects-link">
          {i.correctsNumber ?? '…'}
        </Anchor>
      </Text>,
    );
  const corrections = i.corrections.filter((c) => c.status !== 'cancelled');
  if (corrections.length)
    parts.push(
      <Text key="r" span>
        {t('invoices.detail.correctedBy')}{' '}
        {corrections.map((c, n) => (
          <span key={c.id}>
            {n > 0 && ', '}
            <Anchor component={Link} to={`/invoices/${c.id}`} ff={c.number ? 'monospace' : undefined} data-testid="invoice-correction-link">
              {c.number ?? t('invoices.draftNumber')}
            </Anchor>
          </span>
        ))}
      </Text>,
    );
  return (
    <Group gap={6} component="span" wrap="wrap">
      {parts.map((p, n) => (
        <Group key={n} gap={6} component="span" wrap="nowrap">
          {n > 0 && <Text span>·</Text>}
          {p}
        </Group>
      ))}
    </Group>
  );
}

function IssuedActions({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const can = useCan();
  const markSent = useMarkSent(i.id);
  const [confirmSent, setConfirmSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const issued = i.status === 'issued';
  return (
    <>
      <Button component="a" href={invoicePdfUrl(i.id)} target="_blank" rel="noopener" variant={issued ? 'filled' : 'default'} leftSection={<IconPrinter size={16} />} data-testid="invoice-pdf">
        {t('invoices.detail.pdf')}
      </Button>
      {issued && (
        <Button component="a" href={invoiceXmlUrl(i.id)} download variant="default" leftSection={<IconFileCode size={16} />} data-testid="invoice-xml">
          {t('invoices.ksef.xml')}
        </Button>
      )}
      {issued && !i.sentAt && can('invoices:issue') && (
        <Button variant="default" leftSection={<IconSend size={16} />} onClick={() => setConfirmSent(true)} data-testid="invoice-mark-sent">
          {t('invoices.detail.markSent')}
        </Button>
      )}
      <CorrectButton invoice={i} />
      <ConfirmModal
        opened={confirmSent}
        title={t('invoices.detail.markSentTitle')}
        confirmLabel={t('invoices.detail.markSent')}
        color="blue"
        loading={markSent.isPending}
        error={error}
        onConfirm={() =>
          markSent.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(t('invoices.detail.markedSent'));
              setConfirmSent(false);
            },
            onError: (e) => setError(apiErrorText(t, e)),
          })
        }
        onClose={() => {
          setConfirmSent(false);
          setError(null);
        }}
      >
        {t('invoices.detail.markSentText')}
      </ConfirmModal>
    </>
  );
}

/** Gross, payable after corrections, paid and balance of an issued VAT invoice. */
function AmountsStrip({ invoice: i, onPayments }: { invoice: Invoice; onPayments: (() => void) | undefined }) {
  const t = useT();
  const can = useCan();
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  return (
    <Paper withBorder p="md" radius="md" data-testid="invoice-amounts">
      <Group justify="space-between" align="flex-end">
        <SimpleGrid cols={{ base: 2, sm: 4 }} style={{ flex: 1 }}>
          <DetailItem label={t('invoices.fields.gross')}>{money(i.grossMinor)}</DetailItem>
          <DetailItem label={t('invoices.payments.payable')}>{money(i.payableMinor)}</DetailItem>
          <DetailItem label={t('invoices.payments.paid')}>{money(i.paidMinor)}</DetailItem>
          <DetailItem label={t('invoices.fields.balance')} testId="invoice-balance">
            <Text span size="sm" fw={700} c={i.balanceMinor > 0 && i.overdue ? 'red' : i.balanceMinor <= 0 ? 'green.8' : undefined}>
              {money(i.balanceMinor)}
              {i.overdue ? ` — ${t.n('invoices.overdueDays', i.daysOverdue)}` : ''}
            </Text>
          </DetailItem>
        </SimpleGrid>
        {i.balanceMinor > 0 && can('invoices:pay') && onPayments && (
          <Button variant="light" leftSection={<IconCash size={16} />} onClick={onPayments} data-testid="invoice-go-payments">
            {t('invoices.payments.record')}
          </Button>
        )}
      </Group>
      {i.corrections.some((c) => c.status === 'issued') && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('invoices.payments.payableHint')}
        </Text>
      )}
    </Paper>
  );
}
