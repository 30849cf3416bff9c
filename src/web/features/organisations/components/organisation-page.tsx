import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field, FieldCard, SectionCard } from '../../../components/field-list.tsx';
import { LinkRow } from '../../../components/link-row.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { TOrganisationDetail } from '../api/organisations.ts';
import { NewActorBadge } from './new-actor-badge.tsx';

/** An organisation and the initiatives it takes part in (with its role in each). */
export function OrganisationPage({ organisation }: { organisation: TOrganisationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <PageHeader
        backTo={{ to: '/organisations', label: t('organisations.title') }}
        eyebrow={t(`enums.organisationKind.${organisation.kind}`)}
        title={organisation.name}
      >
        {organisation.isNewActor && (
          <Group>
            <NewActorBadge status={organisation.newActorStatus} />
          </Group>
        )}
      </PageHeader>
      <Stack gap="md">
        <FieldCard title={organisation.name}>
          <Field label={t('organisations.country')}>{organisation.country}</Field>
          <Field label={t('organisations.sector')}>{organisation.sector}</Field>
          <Field label={t('organisations.website')}>
            {organisation.website && (
              <Anchor href={organisation.website} target="_blank" rel="noreferrer" size="sm">
                {organisation.website}
              </Anchor>
            )}
          </Field>
          <Field label={t('organisations.notes')} isText>
            {organisation.notes}
          </Field>
        </FieldCard>
        <SectionCard title={t('organisations.initiatives')}>
          {organisation.initiatives.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('organisations.noInitiatives')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('initiatives.columns.title')}</Table.Th>
                    <Table.Th>{t('initiative.fields.role')}</Table.Th>
                    <Table.Th>{t('initiatives.columns.dates')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {organisation.initiatives.map((initiative) => (
                    <LinkRow key={`${initiative.id}-${initiative.role}`} to={`/initiatives/${initiative.id}`}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/initiatives/${initiative.id}`}
                          tabIndex={-1}
                          size="sm"
                          fw={600}
                        >
                          {initiative.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`enums.partnerRole.${initiative.role}`)}</Table.Td>
                      <Table.Td>
                        {initiative.startDate
                          ? format.month(initiative.startDate.slice(0, 7))
                          : t('app.none')}
                      </Table.Td>
                    </LinkRow>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </SectionCard>
      </Stack>
    </>
  );
}
