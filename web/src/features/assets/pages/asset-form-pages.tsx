import { Paper, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import type { Asset } from '../api/asset-shapes.ts';
import { useAsset, useCreateAsset, useUpdateAsset } from '../api/assets-api.ts';
import { useAssetTypes } from '../api/asset-types-api.ts';
import { AssetForm, useAssetForm, useTypeFields } from '../components/asset-form.tsx';
import { AssetsCrumbs } from '../components/assets-crumbs.tsx';

/** /assets/new, optionally ?customerId=… (from a customer's page). */
export function AssetNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const customerId = params.get('customerId');
  const create = useCreateAsset();
  const state = useAssetForm(undefined, { customerId }, t);
  const types = useAssetTypes('active');
  const type = useTypeFields(state.form.values.assetTypeId, types.data?.items);
  const submit = () => {
    const body = state.validate(type?.fields ?? []);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (a) => {
        notifySuccess(t('assets.form.created', { name: a.name }));
        void navigate(`/assets/${a.id}`);
      },
      onError: state.applyAssetError,
    });
  };
  return (
    <Stack>
      <AssetsCrumbs current={t('assets.form.newTitle')} />
      <PageHeader title={t('assets.form.newTitle')} />
      <Paper withBorder p="lg" radius="md">
        <AssetForm
          state={state}
          onSubmit={submit}
          submitting={create.isPending}
          submitLabel={t('assets.form.create')}
          cancelTo={customerId ? `/customers/${customerId}?tab=assets` : '/assets'}
        />
      </Paper>
    </Stack>
  );
}

export function AssetEditPage() {
  const { id = '' } = useParams();
  const asset = useAsset(id);
  if (asset.isPending) return <PageLoader />;
  if (asset.error) return <QueryError error={asset.error} onRetry={() => void asset.refetch()} />;
  return <AssetEdit key={id} asset={asset.data} />;
}

function AssetEdit({ asset }: { asset: Asset }) {
  const t = useT();
  const navigate = useNavigate();
  const update = useUpdateAsset(asset.id);
  const state = useAssetForm(asset, undefined, t);
  const types = useAssetTypes('active');
  const type = useTypeFields(state.form.values.assetTypeId, types.data?.items);
  const submit = () => {
    const body = state.validate(type?.fields ?? []);
    if (!body) return;
    const { customerId: _fixed, ...patch } = body;
    update.mutate(patch, {
      onSuccess: () => {
        notifySuccess(t('assets.form.saved'));
        void navigate(`/assets/${asset.id}`);
      },
      onError: state.applyAssetError,
    });
  };
  return (
    <Stack>
      <AssetsCrumbs to={{ href: `/assets/${asset.id}`, label: asset.name }} current={t('assets.form.editTitle')} />
      <PageHeader title={t('assets.form.editTitle')} subtitle={`${asset.name} · ${asset.customerName}`} />
      <Paper withBorder p="lg" radius="md">
        <AssetForm state={state} asset={asset} onSubmit={submit} submitting={update.isPending} submitLabel={t('assets.form.save')} cancelTo={`/assets/${asset.id}`} />
      </Paper>
    </Stack>
  );
}
