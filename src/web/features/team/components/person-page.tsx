import { Anchor, Button, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field, FieldCard, SectionCard } from '../../../components/field-list.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useMe } from '../../auth/index.ts';
import type { TPersonDetail } from '../api/people.ts';
import { Competences } from './competences.tsx';
import { PersonTeamForm } from './person-team-form.tsx';

type TLink = TPersonDetail['ownedInitiatives'][number];

function InitiativeLinks({ title, items }: { title: string; items: readonly TLink[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SectionCard title={title}>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('app.none')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {items.map((item) => (
            <List.Item key={item.id}>
              <Anchor component={Link} to={`/initiatives/${item.id}`} size="sm">
                {item.title}
              </Anchor>
              {item.startDate && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {format.month(item.startDate.slice(0, 7))}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}

/** A team member or contact: competences, languages, capacity and their initiatives. */
export function PersonPage({ person }: { person: TPersonDetail }) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === person.missionId)?.role;
  const canEdit = role === 'admin' || role === 'head_of_mission' || role === 'officer';
  return (
    <>
      <PageHeader
        actions={
          canEdit &&
          !isEditing && (
            <Button variant="default" onClick={() => setIsEditing(true)}>
              {t('monitoring.editTeam.edit')}
            </Button>
          )
        }
        backTo={{ to: '/team', label: t('team.title') }}
        eyebrow={t(`enums.personKind.${person.kind}`)}
        title={person.fullName}
      />
      <Stack gap="md">
        {isEditing && (
          <SectionCard title={t('monitoring.editTeam.title')}>
            <PersonTeamForm person={person} onDone={() => setIsEditing(false)} />
          </SectionCard>
        )}
        <FieldCard title={person.fullName}>
          <Field label={t('team.email')}>
            {person.email && (
              <Anchor href={`mailto:${person.email}`} size="sm">
                {person.email}
              </Anchor>
            )}
          </Field>
          <Field label={t('team.columns.languages')}>
            {person.languages.map((l) => l.toUpperCase()).join(', ')}
          </Field>
          <Field label={t('team.columns.competences')}>
            {person.competences.length > 0 && <Competences competences={person.competences} />}
          </Field>
          <Field label={t('team.columns.capacity')}>
            {person.capacity !== null && t('team.capacityValue', { count: person.capacity })}
          </Field>
        </FieldCard>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <InitiativeLinks title={t('team.owns')} items={person.ownedInitiatives} />
          <InitiativeLinks title={t('team.delegated')} items={person.delegatedInitiatives} />
        </SimpleGrid>
      </Stack>
    </>
  );
}
