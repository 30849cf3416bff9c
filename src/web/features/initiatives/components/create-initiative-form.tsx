import { Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ZCreateInitiativeRequest } from '../../../../shared/schemas/initiative.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { focusFirstError } from '../../../lib/focus-first-error.ts';
import { toFormErrors, zodFormResolver } from '../../../lib/validation.ts';
import { type TCreateInitiativeBody, useCreateInitiative } from '../api/initiatives.ts';
import { FormActions } from './form-actions.tsx';
import { emptyFormValues, type TInitiativeFormValues } from './form-values.ts';
import { InitiativeFormFields, type TFormOptions } from './initiative-form-fields.tsx';

type TCreateValues = TInitiativeFormValues & { planId: string };

/** A new initiative in the current plan; validated by the same schema as the API. */
export function CreateInitiativeForm({ options }: { options: TFormOptions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateInitiative();
  const { plan } = options;
  const form = useForm<TCreateValues>({
    initialValues: { ...emptyFormValues(), planId: plan.id },
    validate: zodFormResolver(ZCreateInitiativeRequest, t),
    validateInputOnBlur: true,
  });

  const handleSubmit = form.onSubmit((values) => {
    const body = ZCreateInitiativeRequest.parse(values);
    create.mutate(body as TCreateInitiativeBody, {
      onSuccess: (created) => {
        notifications.show({ color: 'green', message: t('initiative.created') });
        void navigate(`/initiatives/${created.id}`);
      },
      onError: (error) => {
        if (isApiError(error, 400)) {
          form.setErrors(toFormErrors(t, error.fieldErrors));
          focusFirstError();
        }
      },
    });
  }, focusFirstError);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <PageHeader
        backTo={{ to: `/plans/${plan.id}/initiatives`, label: t('initiatives.title') }}
        eyebrow={t('initiative.createIn', { plan: `${plan.acronym} — ${plan.title}` })}
        title={t('initiative.createTitle')}
      />
      {(Object.keys(form.errors).length > 0 || isApiError(create.error, 400)) && (
        <Alert color="red" role="alert" mb="md">
          {t('validation.fixErrors')}
        </Alert>
      )}
      {create.error && !isApiError(create.error, 400) && (
        <Alert color="red" role="alert" mb="md" title={t('app.errorTitle')}>
          {create.error.message}
        </Alert>
      )}
      <InitiativeFormFields form={form} options={options} />
      <FormActions
        cancelTo={`/plans/${plan.id}/initiatives`}
        submitLabel={t('initiative.create')}
        isSubmitting={create.isPending}
      />
    </form>
  );
}
