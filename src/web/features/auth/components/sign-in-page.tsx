import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ZSignInRequest } from '../../../../shared/schemas/auth.ts';
import { LanguageSwitcher } from '../../../components/language-switcher.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors, zodFormResolver } from '../../../lib/validation.ts';
import { useSignIn } from '../api/auth.ts';

/** The sign-in page: e-mail and password, with the server's refusals in plain words. */
export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: zodFormResolver(ZSignInRequest, t),
  });

  const handleSubmit = form.onSubmit((values) => {
    signIn.mutate(ZSignInRequest.parse(values), {
      onError: (error) => {
        if (isApiError(error, 400)) form.setErrors(toFormErrors(t, error.fieldErrors));
      },
    });
  });

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" radius="md" p="xl" w={420} maw="100%">
        <form onSubmit={handleSubmit} noValidate aria-labelledby="sign-in-title">
          <Stack>
            <div>
              <Text fw={700} c="blue.8" size="lg">
                {t('app.name')}
              </Text>
              <Title order={1} id="sign-in-title" size="h2">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('signIn.subtitle')}
              </Text>
            </div>
            {signIn.error && (
              <Alert color="red" role="alert">
                {signInErrorText(signIn.error, t)}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              data-autofocus
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('signIn.firstStartHint')}
            </Text>
            <LanguageSwitcher />
            <Anchor href="/api/docs" size="xs">
              {t('nav.apiDocs')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

function signInErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error, 401)) return t('signIn.wrongCredentials');
  if (isApiError(error, 429)) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return t('signIn.tooManyAttempts', { minutes });
  }
  if (isApiError(error, 400)) return t('validation.fixErrors');
  return t('signIn.failed');
}
