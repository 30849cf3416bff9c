import { Alert, Button, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BILATERAL_FACT_KINDS, type TBilateralFactKind } from '../../../../shared/enums.ts';
import { type TClipping, useCreateFactFromClipping } from '../api/bilateral.ts';

/** On a clipping's page: creates a bilateral fact from it (title, date, link, one of its figures). */
export function FactFromClipping({ item }: { item: TClipping }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TBilateralFactKind>('agreement');
  const [figure, setFigure] = useState<string | null>(null);
  const create = useCreateFactFromClipping(item.id);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('bilateral.fromClipping.title')}
      </Title>
      <Stack gap="xs">
        <Select
          label={t('bilateral.fields.kind')}
          data={BILATERAL_FACT_KINDS.map((k) => ({ value: k, label: t(`bilateral.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as TBilateralFactKind)}
          allowDeselect={false}
        />
        {item.figures.length > 0 && (
          <Select
            label={t('bilateral.fromClipping.figure')}
            data={item.figures.map((f, i) => ({ value: String(i), label: f.raw }))}
            value={figure}
            onChange={setFigure}
            clearable
          />
        )}
        {create.error && (
          <Alert color="red" role="alert">
            {create.error.message}
          </Alert>
        )}
        {create.data ? (
          <Text size="sm" role="status">
            {t('bilateral.fromClipping.created')}{' '}
            <Link to="/bilateral">{t('bilateral.fromClipping.open')}</Link>
          </Text>
        ) : (
          <Button
            onClick={() => create.mutate({ kind, figureIndex: figure === null ? undefined : Number(figure) })}
            loading={create.isPending}
          >
            {t('bilateral.fromClipping.button')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
