import { ActionIcon, Button, Group, Input, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PARTNER_ROLES } from '../../../../shared/enums.ts';
import type { TInitiativeFormValues } from './form-values.ts';
import type { TNamed } from './plan-structure.ts';

/** The initiative's actors: an organisation and its role per line. */
export function PartnersField<T extends TInitiativeFormValues>({
  form,
  organisations,
}: {
  form: UseFormReturnType<T>;
  organisations: readonly TNamed[];
}) {
  const { t } = useTranslation();
  const partners = form.getValues().partners;
  const options = organisations.map((o) => ({ value: o.id, label: o.name }));
  const roles = PARTNER_ROLES.map((r) => ({ value: r, label: t(`enums.partnerRole.${r}`) }));
  const path = (index: number, field: 'organisationId' | 'role') => `partners.${index}.${field}`;

  return (
    <Input.Wrapper label={t('initiative.fields.partners')} labelElement="div" error={form.errors.partners}>
      <Stack gap="xs" mt={4}>
        {partners.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('initiative.noPartners')}
          </Text>
        )}
        {partners.map((_partner, index) => (
          // Lines have no id of their own; their inputs are controlled by the form, so the index is safe.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
            <Select
              style={{ flex: 2 }}
              label={index === 0 ? t('initiative.fields.partner') : undefined}
              aria-label={`${t('initiative.fields.partner')} ${index + 1}`}
              placeholder={t('initiative.chooseOrganisation')}
              data={options}
              searchable
              nothingFoundMessage={t('organisations.empty')}
              {...form.getInputProps(path(index, 'organisationId'))}
            />
            <Select
              style={{ flex: 1 }}
              label={index === 0 ? t('initiative.fields.role') : undefined}
              aria-label={`${t('initiative.fields.role')} ${index + 1}`}
              data={roles}
              allowDeselect={false}
              {...form.getInputProps(path(index, 'role'))}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={index === 0 ? 28 : 2}
              size="lg"
              aria-label={`${t('initiative.removePartner')} (${index + 1})`}
              onClick={() => form.removeListItem('partners' as never, index)}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            form.insertListItem(
              'partners' as never,
              { organisationId: '', role: 'institutional_partner' } as never,
            )
          }
        >
          + {t('initiative.addPartner')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
