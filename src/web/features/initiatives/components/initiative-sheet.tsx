import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ColourSwatches, MediaReflectionMeter, StatusBadge } from '../../../components/enum-badges.tsx';
import { Field, FieldCard, SectionCard } from '../../../components/field-list.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useStructureName } from '../../../lib/structure-names.ts';
import type { TInitiative } from '../api/initiatives.ts';
import { ArchiveButton } from './archive-button.tsx';

export interface TProgrammeLook {
  id: string;
  hashtag: string | null;
  colors: readonly string[];
}

/** The initiative's title, status, type and dates, with its actions (edit, archive, report to HQ). */
export function InitiativeHeader({ initiative, planLabel }: { initiative: TInitiative; planLabel?: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <PageHeader
      backTo={{ to: `/plans/${initiative.planId}/initiatives`, label: t('initiatives.title') }}
      eyebrow={[t('initiative.sheetTitle'), planLabel].filter(Boolean).join(' · ')}
      title={initiative.title}
      actions={
        <Group gap="sm">
          <ArchiveButton initiative={initiative} />
          {initiative.importance === 'major' && (
            <Button
              component="a"
              variant="default"
              href={`/api/initiatives/${initiative.id}/hq-report.docx?lang=${i18n.language}`}
              download
            >
              {t('evaluation.report.initiative')}
            </Button>
          )}
          <Button component={Link} to={`/initiatives/${initiative.id}/edit`}>
            {t('initiative.edit')}
          </Button>
        </Group>
      }
    >
      <Group gap="xs">
        <StatusBadge status={initiative.status} />
        <Badge variant="outline" color="gray" tt="none">
          {t(`enums.initiativeType.${initiative.type}`)}
        </Badge>
        {initiative.importance === 'major' && (
          <Badge color="grape" variant="light" tt="none" title={t('initiative.majorHint')}>
            {t('enums.importance.major')}
          </Badge>
        )}
        <Text size="sm" fw={600}>
          {format.dateRange(initiative) || t('initiative.noDates')}
        </Text>
      </Group>
    </PageHeader>
  );
}

/** The initiative as an event sheet (scheda-evento): its fields, partners, results and media. */
export function InitiativeSheet({
  initiative,
  programmes = [],
}: {
  initiative: TInitiative;
  programmes?: readonly TProgrammeLook[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const structureName = useStructureName();
  const programme = programmes.find((p) => p.id === initiative.programme?.id);

  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <FieldCard title={t('initiative.sections.when')}>
            <Field label={t('initiative.fields.dates')}>{format.dateRange(initiative)}</Field>
            <Field label={t('initiative.fields.cities')}>{initiative.cities.join(', ')}</Field>
            <Field label={t('initiative.fields.venues')}>{initiative.venues.join(', ')}</Field>
          </FieldCard>
          <FieldCard title={t('initiative.sections.classification')}>
            <Field label={t('initiative.fields.type')}>{t(`enums.initiativeType.${initiative.type}`)}</Field>
            <Field label={t('initiative.fields.status')}>
              <StatusBadge status={initiative.status} />
            </Field>
            <Field label={t('initiative.fields.focusArea')}>
              {initiative.focusArea && structureName('focusArea', initiative.focusArea)}
            </Field>
            <Field label={t('initiative.fields.vectors')}>
              {initiative.vectors.map((v) => structureName('vector', v)).join(', ')}
            </Field>
            <Field label={t('initiative.fields.innovationKind')}>
              {initiative.innovationKind && t(`enums.innovationKind.${initiative.innovationKind}`)}
            </Field>
            <Field label={t('initiative.fields.involvesYouth')}>
              {initiative.involvesYouth ? t('app.yes') : t('app.no')}
            </Field>
            <Field label={t('initiative.fields.programme')}>
              {initiative.programme && (
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {initiative.programme.name}
                  </Text>
                  {programme?.hashtag && (
                    <Badge variant="light" tt="none">
                      {programme.hashtag}
                    </Badge>
                  )}
                  {programme && programme.colors.length > 0 && (
                    <ColourSwatches colors={programme.colors} label={t('plan.colours')} />
                  )}
                </Group>
              )}
            </Field>
            <Field label={t('initiative.fields.importance')}>
              {t(`enums.importance.${initiative.importance}`)}
            </Field>
            <Field label={t('initiative.fields.budget')}>
              {initiative.budget !== null && format.number(initiative.budget)}
            </Field>
          </FieldCard>
          <FieldCard title={t('initiative.sections.people')}>
            <Field label={t('initiative.fields.owner')}>
              {initiative.owner && (
                <Anchor component={Link} to={`/team/${initiative.owner.id}`} size="sm">
                  {initiative.owner.fullName}
                </Anchor>
              )}
            </Field>
            <Field label={t('initiative.fields.delegates')}>
              {initiative.delegates.length > 0 && (
                <Group gap="xs">
                  {initiative.delegates.map((d) => (
                    <Anchor key={d.id} component={Link} to={`/team/${d.id}`} size="sm">
                      {d.fullName}
                    </Anchor>
                  ))}
                </Group>
              )}
            </Field>
          </FieldCard>
        </Stack>
        <Stack gap="md">
          <FieldCard title={t('initiative.sections.content')}>
            <Field label={t('initiative.fields.summary')} isText>
              {initiative.summary}
            </Field>
            <Field label={t('initiative.fields.objectives')} isText>
              {initiative.objectives}
            </Field>
            <Field label={t('initiative.fields.keyMessages')} isText>
              {initiative.keyMessages}
            </Field>
            <Field label={t('initiative.fields.targetAudiences')} isText>
              {initiative.targetAudiences}
            </Field>
            <Field label={t('risks.fallbackAlternative')} isText>
              {initiative.fallbackAlternative}
            </Field>
          </FieldCard>
          <PartnersCard initiative={initiative} />
          <FieldCard title={t('initiative.sections.results')}>
            <Field label={t('initiative.fields.results')} isText>
              {initiative.results}
            </Field>
            <Field label={t('initiative.fields.mediaCoverage')} isText>
              {initiative.mediaCoverage}
            </Field>
            <Field label={t('initiative.fields.mediaLinks')}>
              {initiative.mediaLinks.length > 0 && (
                <Stack gap={2}>
                  {initiative.mediaLinks.map((url) => (
                    <Anchor key={url} href={url} target="_blank" rel="noopener noreferrer" size="sm">
                      {url}
                    </Anchor>
                  ))}
                </Stack>
              )}
            </Field>
            <Field label={t('initiative.fields.mediaReflection')}>
              {initiative.mediaReflection && <MediaReflectionMeter value={initiative.mediaReflection} />}
            </Field>
          </FieldCard>
        </Stack>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="md">
        {t('initiative.version', {
          version: initiative.version,
          date: format.dateTime(initiative.updatedAt),
        })}
      </Text>
    </>
  );
}

function PartnersCard({ initiative }: { initiative: TInitiative }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('initiative.sections.actors')}>
      {initiative.partners.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('initiative.noPartners')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('initiative.fields.partner')}</Table.Th>
                <Table.Th>{t('initiative.fields.role')}</Table.Th>
                <Table.Th>{t('initiative.fields.country')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {initiative.partners.map((partner) => (
                <Table.Tr key={`${partner.organisationId}-${partner.role}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/organisations/${partner.organisationId}`} size="sm">
                      {partner.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`enums.partnerRole.${partner.role}`)}</Table.Td>
                  <Table.Td>{partner.country ?? t('app.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
