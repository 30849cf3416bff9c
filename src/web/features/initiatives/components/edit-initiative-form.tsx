import { Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ZUpdateInitiativeRequest } from '../../../../shared/schemas/initiative.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { focusFirstError } from '../../../lib/focus-first-error.ts';
import { toFormErrors, zodFormResolver } from '../../../lib/validation.ts';
import {
  type TInitiative,
  type TUpdateInitiativeBody,
  useInitiative,
  useUpdateInitiative,
} from '../api/initiatives.ts';
import { ConflictAlert } from './conflict-alert.tsx';
import { FormActions } from './form-actions.tsx';
import { changedFields, formValuesOf, type TInitiativeFormValues } from './form-values.ts';
import { InitiativeFormFields, type TFormOptions } from './initiative-form-fields.tsx';

type TEditValues = TInitiativeFormValues & { version: number };

/**
 * Edits an initiative. Sends only what changed, with the version that was loaded; if someone
 * saved in between, the server refuses (409) and the person chooses to reload their version.
 */
export function EditInitiativeForm({
  initiative,
  options,
}: {
  initiative: TInitiative;
  options: TFormOptions;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateInitiative(initiative.id);
  const current = useInitiative(initiative.id);
  const [loaded, setLoaded] = useState<TEditValues>(() => ({
    ...formValuesOf(initiative),
    version: initiative.version,
  }));
  const [hasConflict, setHasConflict] = useState(false);
  const form = useForm<TEditValues>({
    initialValues: loaded,
    validate: zodFormResolver(ZUpdateInitiativeRequest, t),
    validateInputOnBlur: true,
  });

  const handleSubmit = form.onSubmit((values) => {
    const { version, ...fields } = values;
    const { version: _loadedVersion, ...loadedFields } = loaded;
    const body = ZUpdateInitiativeRequest.parse({ ...changedFields(loadedFields, fields), version });
    update.mutate(body as TUpdateInitiativeBody, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: t('initiative.saved') });
        void navigate(`/initiatives/${saved.id}`);
      },
      onError: (error) => {
        if (isApiError(error, 409)) setHasConflict(true);
        else if (isApiError(error, 400)) {
          form.setErrors(toFormErrors(t, error.fieldErrors));
          focusFirstError();
        }
      },
    });
  }, focusFirstError);

  const handleReload = async () => {
    const { data } = await current.refetch();
    if (!data) return;
    const theirs = { ...formValuesOf(data), version: data.version };
    setLoaded(theirs);
    form.setInitialValues(theirs);
    form.setValues(theirs);
    form.clearErrors();
    setHasConflict(false);
    update.reset();
    notifications.show({ color: 'blue', message: t('initiative.reloaded') });
  };

  const otherError =
    update.error && !isApiError(update.error, 409) && !isApiError(update.error, 400) ? update.error : null;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <PageHeader
        backTo={{ to: `/initiatives/${initiative.id}`, label: initiative.title }}
        eyebrow={t('initiative.editTitle')}
        title={form.getValues().title || initiative.title}
      />
      {hasConflict && <ConflictAlert onReload={() => void handleReload()} isReloading={current.isFetching} />}
      {isApiError(update.error, 400) && (
        <Alert color="red" role="alert" mb="md">
          {t('validation.fixErrors')}
        </Alert>
      )}
      {otherError && (
        <Alert color="red" role="alert" mb="md" title={t('app.errorTitle')}>
          {otherError.message}
        </Alert>
      )}
      {Object.keys(form.errors).length > 0 && !update.error && (
        <Alert color="red" role="alert" mb="md">
          {t('validation.fixErrors')}
        </Alert>
      )}
      <InitiativeFormFields form={form} options={options} />
      <FormActions
        cancelTo={`/initiatives/${initiative.id}`}
        submitLabel={t('app.save')}
        isSubmitting={update.isPending}
      />
    </form>
  );
}
