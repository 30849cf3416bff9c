import {
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORTANCES,
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  INNOVATION_KINDS,
  MEDIA_REFLECTIONS,
} from '../../../../shared/enums.ts';
import { useStructureName } from '../../../lib/structure-names.ts';
import { DateFields } from './date-fields.tsx';
import type { TInitiativeFormValues } from './form-values.ts';
import { PartnersField } from './partners-field.tsx';
import type { TNamed, TPlanStructure } from './plan-structure.ts';

export interface TFormOptions {
  plan: TPlanStructure;
  organisations: readonly TNamed[];
  people: ReadonlyArray<{ id: string; fullName: string }>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="fieldset" m={0} style={{ minWidth: 0 }}>
      <Title order={2} size="h4" mb="sm" component="legend" px={4}>
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** Every editable field of an initiative, grouped like the event sheet. */
export function InitiativeFormFields<T extends TInitiativeFormValues>({
  form,
  options,
}: {
  form: UseFormReturnType<T>;
  options: TFormOptions;
}) {
  const { t } = useTranslation();
  const structureName = useStructureName();
  const input = (path: keyof TInitiativeFormValues) => ({
    key: form.key(path as never),
    ...form.getInputProps(path as never),
  });
  const enumData = <V extends string>(values: readonly V[], label: (v: V) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  const people = options.people.map((p) => ({ value: p.id, label: p.fullName }));

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack gap="md">
        <Section title={t('initiative.sections.classification')}>
          <TextInput label={t('initiative.fields.title')} required {...input('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('initiative.fields.type')}
              required
              searchable
              allowDeselect={false}
              data={enumData(INITIATIVE_TYPES, (v) => t(`enums.initiativeType.${v}`))}
              {...input('type')}
            />
            <Select
              label={t('initiative.fields.status')}
              required
              allowDeselect={false}
              data={enumData(INITIATIVE_STATUSES, (v) => t(`enums.initiativeStatus.${v}`))}
              {...input('status')}
            />
            <Select
              label={t('initiative.fields.focusArea')}
              clearable
              data={options.plan.focusAreas.map((f) => ({
                value: f.id,
                label: structureName('focusArea', f),
              }))}
              {...input('focusAreaId')}
            />
            <Select
              label={t('initiative.fields.programme')}
              clearable
              data={options.plan.programmes.map((p) => ({ value: p.id, label: p.name }))}
              {...input('programmeId')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('initiative.fields.vectors')}
            data={options.plan.vectors.map((v) => ({ value: v.id, label: structureName('vector', v) }))}
            {...input('vectorIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('initiative.fields.innovationKind')}
              clearable
              data={enumData(INNOVATION_KINDS, (v) => t(`enums.innovationKind.${v}`))}
              {...input('innovationKind')}
            />
            <Select
              label={t('initiative.fields.importance')}
              allowDeselect={false}
              description={t('initiative.majorHint')}
              data={enumData(IMPORTANCES, (v) => t(`enums.importance.${v}`))}
              {...input('importance')}
            />
          </SimpleGrid>
          <Switch
            label={t('initiative.fields.involvesYouth')}
            key={form.key('involvesYouth' as never)}
            {...form.getInputProps('involvesYouth' as never, { type: 'checkbox' })}
          />
        </Section>
        <Section title={t('initiative.sections.when')}>
          <DateFields form={form} period={{ start: options.plan.periodStart, end: options.plan.periodEnd }} />
          <TagsInput
            label={t('initiative.fields.cities')}
            description={t('initiative.citiesHint')}
            {...input('cities')}
          />
          <TagsInput label={t('initiative.fields.venues')} {...input('venues')} />
        </Section>
        <Section title={t('initiative.sections.people')}>
          <Select
            label={t('initiative.fields.owner')}
            placeholder={t('initiative.choosePerson')}
            clearable
            searchable
            data={people}
            {...input('ownerId')}
          />
          <MultiSelect
            label={t('initiative.fields.delegates')}
            searchable
            data={people}
            {...input('delegateIds')}
          />
          <NumberInput
            label={t('initiative.fields.budget')}
            min={0}
            thousandSeparator=" "
            key={form.key('budget' as never)}
            {...form.getInputProps('budget' as never)}
            onChange={(value) =>
              form.setFieldValue('budget' as never, (value === '' ? null : Number(value)) as never)
            }
          />
        </Section>
      </Stack>
      <Stack gap="md">
        <Section title={t('initiative.sections.content')}>
          <Textarea label={t('initiative.fields.summary')} autosize minRows={3} {...input('summary')} />
          <Textarea label={t('initiative.fields.objectives')} autosize minRows={2} {...input('objectives')} />
          <Textarea
            label={t('initiative.fields.keyMessages')}
            autosize
            minRows={2}
            {...input('keyMessages')}
          />
          <Textarea
            label={t('initiative.fields.targetAudiences')}
            autosize
            minRows={2}
            {...input('targetAudiences')}
          />
          <Textarea
            label={t('risks.fallbackAlternative')}
            description={t('risks.fallbackAlternativeHint')}
            autosize
            minRows={1}
            {...input('fallbackAlternative')}
          />
        </Section>
        <Section title={t('initiative.sections.actors')}>
          <PartnersField form={form} organisations={options.organisations} />
        </Section>
        <Section title={t('initiative.sections.results')}>
          <Textarea label={t('initiative.fields.results')} autosize minRows={2} {...input('results')} />
          <Textarea
            label={t('initiative.fields.mediaCoverage')}
            autosize
            minRows={2}
            {...input('mediaCoverage')}
          />
          <TagsInput
            label={t('initiative.fields.mediaLinks')}
            description={t('initiative.mediaLinksHint')}
            {...input('mediaLinks')}
          />
          <Select
            label={t('initiative.fields.mediaReflection')}
            clearable
            data={enumData(MEDIA_REFLECTIONS, (v) => t(`enums.mediaReflection.${v}`))}
            {...input('mediaReflection')}
          />
        </Section>
      </Stack>
    </SimpleGrid>
  );
}
