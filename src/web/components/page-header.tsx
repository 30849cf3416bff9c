import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A page's title (the only h1), an optional line above it and the page's main actions. */
export function PageHeader({
  title,
  eyebrow,
  backTo,
  actions,
  children,
}: {
  title: ReactNode;
  eyebrow?: ReactNode;
  backTo?: { to: string; label: string };
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 420px' }}>
        {backTo && (
          <Anchor component={Link} to={backTo.to} size="sm">
            ← {backTo.label}
          </Anchor>
        )}
        {eyebrow && (
          <Text size="sm" c="dimmed" fw={600}>
            {eyebrow}
          </Text>
        )}
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {children}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
