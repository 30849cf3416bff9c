import { Box, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A titled card (a labelled section of the page). */
export function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A titled card of label–value pairs, as a real description list. */
export function FieldCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <SectionCard title={title}>
      <Box
        component="dl"
        m={0}
        style={{ display: 'grid', gridTemplateColumns: 'minmax(120px, 34%) 1fr', gap: '8px 16px' }}
      >
        {children}
      </Box>
    </SectionCard>
  );
}

/** One label and its value; an empty value reads "not recorded yet", never a blank. */
export function Field({
  label,
  children,
  isText = false,
}: {
  label: string;
  children: ReactNode;
  isText?: boolean;
}) {
  const { t } = useTranslation();
  const isEmpty =
    children === null ||
    children === undefined ||
    children === false ||
    children === '' ||
    (Array.isArray(children) && !children.length);
  return (
    <>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Box
        component="dd"
        m={0}
        fz="sm"
        className={isText ? 'prewrap' : undefined}
        style={{ overflowWrap: 'anywhere' }}
      >
        {isEmpty ? (
          <Text span c="dimmed" size="sm" fs="italic">
            {t('initiative.notRecorded')}
          </Text>
        ) : (
          children
        )}
      </Box>
    </>
  );
}
