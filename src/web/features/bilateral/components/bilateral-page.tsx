import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BILATERAL_FACT_KINDS, type TBilateralFactKind } from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useWorkspace } from '../../../lib/workspace.tsx';
import { type TBilateralFact, useBilateralFacts, useCanEditBilateral } from '../api/bilateral.ts';
import { FactForm } from './fact-form.tsx';

const KIND_COLOR: Record<TBilateralFactKind, string> = {
  visit: 'blue',
  agreement: 'grape',
  economic_figure: 'teal',
};

/** `/bilateral`: the mission's bilateral knowledge base as a timeline, grouped by year. */
export function BilateralPage() {
  const { t } = useTranslation();
  const { missionId } = useWorkspace();
  const [kind, setKind] = useState<'all' | TBilateralFactKind>('all');
  const [editing, setEditing] = useState<TBilateralFact | 'new' | null>(null);
  const canEdit = useCanEditBilateral(missionId);
  const facts = useBilateralFacts(
    { missionId: missionId ?? undefined, kind: kind === 'all' ? undefined : kind },
    { enabled: !!missionId },
  );
  const years = new Map<string, TBilateralFact[]>();
  for (const fact of facts.data?.items ?? []) {
    const year = fact.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), fact]);
  }
  return (
    <>
      <PageHeader title={t('bilateral.title')}>
        {canEdit && missionId && (
          <Group>
            <Button onClick={() => setEditing('new')}>{t('bilateral.add')}</Button>
          </Group>
        )}
      </PageHeader>
      <Text c="dimmed" mb="md">
        {t('bilateral.intro')}
      </Text>
      <SegmentedControl
        mb="lg"
        aria-label={t('bilateral.fields.kind')}
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={[
          { value: 'all', label: t('bilateral.all') },
          ...BILATERAL_FACT_KINDS.map((k) => ({ value: k, label: t(`bilateral.kinds.${k}`) })),
        ]}
      />
      {facts.isPending || facts.isError ? (
        <QueryState query={facts} />
      ) : years.size === 0 ? (
        <Text c="dimmed">{t('bilateral.empty')}</Text>
      ) : (
        <Stack gap="xl">
          {[...years.entries()].map(([year, list]) => (
            <section key={year} aria-label={year}>
              <Title order={2} size="h3" mb="sm">
                {year}
              </Title>
              <Timeline bulletSize={18} lineWidth={2}>
                {list.map((fact) => (
                  <Timeline.Item
                    key={fact.id}
                    color={KIND_COLOR[fact.kind]}
                    title={<FactTitle fact={fact} canEdit={canEdit} onEdit={() => setEditing(fact)} />}
                  >
                    <FactBody fact={fact} />
                  </Timeline.Item>
                ))}
              </Timeline>
            </section>
          ))}
        </Stack>
      )}
      {editing && missionId && (
        <FactForm
          key={editing === 'new' ? 'new' : editing.id}
          missionId={missionId}
          fact={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function FactTitle({
  fact,
  canEdit,
  onEdit,
}: {
  fact: TBilateralFact;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text fw={600}>{fact.title}</Text>
      <Badge size="sm" variant="light" color={KIND_COLOR[fact.kind]}>
        {t(`bilateral.kinds.${fact.kind}`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {fact.datePrecision === 'year'
          ? fact.date.slice(0, 4)
          : fact.datePrecision === 'month'
            ? format.month(fact.date.slice(0, 7))
            : format.day(fact.date)}
      </Text>
      {canEdit && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={onEdit}
          aria-label={t('bilateral.editOf', { title: fact.title })}
        >
          {t('bilateral.edit')}
        </Button>
      )}
    </Group>
  );
}

function FactBody({ fact }: { fact: TBilateralFact }) {
  const { t } = useTranslation();
  const format = useFormat();
  const who = [...fact.people, ...fact.parties].join(', ');
  return (
    <Stack gap={2} mt={4}>
      {fact.value !== null && (
        <Text size="sm" fw={600}>
          {[`${format.number(fact.value)}${fact.currency ? ` ${fact.currency}` : ''}`, fact.unit]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      {fact.summary && <Text size="sm">{fact.summary}</Text>}
      {who && (
        <Text size="sm" c="dimmed">
          {who}
        </Text>
      )}
      <Text size="sm">
        {t('bilateral.source')}:{' '}
        {fact.sourceMediaItemId ? (
          <Anchor component={Link} to={`/press/${fact.sourceMediaItemId}`}>
            {[fact.sourceOutlet, fact.sourceTitle].filter(Boolean).join(' — ') || t('bilateral.clipping')}
          </Anchor>
        ) : fact.sourceUrl ? (
          <Anchor href={fact.sourceUrl} target="_blank" rel="noreferrer noopener">
            {new URL(fact.sourceUrl).hostname}
          </Anchor>
        ) : (
          <Text span c="dimmed">
            {t('bilateral.noSource')}
          </Text>
        )}
      </Text>
    </Stack>
  );
}
