import { Button } from '@mantine/core';
import { IconArchive, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../app/api-client.ts';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { useDeleteCustomer, useSetCustomerArchived } from '../api/customers-api.ts';
import type { Customer } from '../api/customer-types.ts';

/** Edit / Archive / Restore / Delete, each only for users who may. */
export function CustomerActions({ customer }: { customer: Customer }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const archive = useSetCustomerArchived(customer.id);
  const remove = useDeleteCustomer(customer.id);
  const [confirm, setConfirm] = useState<'archive' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [referenced, setReferenced] = useState(false);

  const close = () => {
    setConfirm(null);
    setError(null);
    setReferenced(false);
  };

  const setArchived = (archived: boolean) =>
    archive.mutate(archived, {
      onSuccess: () => {
        close();
        notifySuccess(archived ? t('customers.detail.archived') : t('customers.detail.restored'));
      },
      onError: (e) => (confirm ? setError(apiErrorText(t, e)) : notifyError(apiErrorText(t, e))),
    });

  const doDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        close();
        notifySuccess(t('customers.detail.deleted'));
        void navigate('/customers', { replace: true });
      },
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'customers.referenced') {
          setReferenced(true);
          setError(t('customers.detail.referenced'));
        } else setError(apiErrorText(t, e));
      },
    });

  return (
    <>
      {can('customers:write') && (
        <Button component={Link} to={`/customers/${customer.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="customer-edit">
          {t('common.edit')}
        </Button>
      )}
      {can('customers:archive') &&
        (customer.archived ? (
          <Button variant="default" leftSection={<IconRestore size={16} />} loading={archive.isPending} onClick={() => setArchived(false)} data-testid="customer-restore">
            {t('common.restore')}
          </Button>
        ) : (
          <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => setConfirm('archive')} data-testid="customer-archive">
            {t('common.archive')}
          </Button>
        ))}
      {can('customers:delete') && (
        <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirm('delete')} data-testid="customer-delete">
          {t('common.delete')}
        </Button>
      )}

      <ConfirmModal
        opened={confirm === 'archive'}
        title={t('customers.detail.archiveConfirm.title')}
        confirmLabel={t('common.archive')}
        color="orange"
        loading={archive.isPending}
        error={error}
        onConfirm={() => setArchived(true)}
        onClose={close}
      >
        {t('customers.detail.archiveConfirm.text', { name: customer.name })}
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'delete'}
        title={t('customers.detail.deleteConfirm.title')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={error}
        onConfirm={doDelete}
        onClose={close}
        extra={
          referenced && can('customers:archive') && !customer.archived ? (
            <Button color="orange" loading={archive.isPending} onClick={() => setArchived(true)} data-testid="archive-instead">
              {t('customers.detail.archiveInstead')}
            </Button>
          ) : undefined
        }
      >
        {t('customers.detail.deleteConfirm.text', { name: customer.name })}
      </ConfirmModal>
    </>
  );
}
