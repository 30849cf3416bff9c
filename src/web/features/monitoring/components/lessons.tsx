import { Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/field-list.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { useMe } from '../../auth/index.ts';
import { type TLesson, useCreateLesson, useLessons } from '../api/monitoring.ts';

function LessonCard({ lesson, showInitiative }: { lesson: TLesson; showInitiative: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" component="article">
      <Group gap="xs" mb={4}>
        {showInitiative && (
          <Text
            fw={700}
            size="sm"
            component={Link}
            to={`/initiatives/${lesson.initiative.id}?tab=team`}
            c="dark.8"
          >
            {lesson.initiative.title}
          </Text>
        )}
        {lesson.tag && (
          <Badge variant="light" color="grape" tt="none">
            {lesson.tag}
          </Badge>
        )}
      </Group>
      <Text size="xs" fw={700} c="dimmed">
        {t('monitoring.lessons.whatHappened')}
      </Text>
      <Text size="sm" className="prewrap" mb={4}>
        {lesson.whatHappened}
      </Text>
      <Text size="xs" fw={700} c="dimmed">
        {t('monitoring.lessons.lesson')}
      </Text>
      <Text size="sm" className="prewrap">
        {lesson.lesson}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {format.dateTime(lesson.createdAt)}
        {lesson.author ? ` · ${t('monitoring.lessons.by', { name: lesson.author.name })}` : ''}
      </Text>
    </Paper>
  );
}

function LessonForm({ initiativeId, onDone }: { initiativeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateLesson();
  const [values, setValues] = useState({ whatHappened: '', lesson: '', tag: '' });
  const errorOf = (field: string) =>
    isApiError(create.error) ? create.error.fieldErrors.find((e) => e.field === field)?.message : undefined;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { initiativeId, ...values, tag: values.tag || null },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('monitoring.lessons.saved') });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('monitoring.lessons.failuresWelcome')}
        </Text>
        <Textarea
          label={t('monitoring.lessons.whatHappened')}
          autosize
          minRows={2}
          value={values.whatHappened}
          onChange={(e) => setValues({ ...values, whatHappened: e.currentTarget.value })}
          error={errorOf('whatHappened')}
        />
        <Textarea
          label={t('monitoring.lessons.lesson')}
          autosize
          minRows={2}
          value={values.lesson}
          onChange={(e) => setValues({ ...values, lesson: e.currentTarget.value })}
          error={errorOf('lesson')}
        />
        <TextInput
          label={t('monitoring.lessons.tag')}
          placeholder={t('monitoring.lessons.tagHint')}
          value={values.tag}
          onChange={(e) => setValues({ ...values, tag: e.currentTarget.value })}
          error={errorOf('tag')}
          w={300}
        />
        {create.isError && !isApiError(create.error, 400) && (
          <Text c="red" size="sm" role="alert">
            {create.error.message}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('monitoring.lessons.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('monitoring.editTeam.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The lessons learned on one initiative, and a form to add one. */
export function InitiativeLessons({ initiativeId, missionId }: { initiativeId: string; missionId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  // Whoever may edit the initiative may add a lesson (the server decides); viewers and headquarters may not.
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  const canAdd = !!role && role !== 'viewer';
  const lessons = useLessons({ initiativeId });
  const [isAdding, setIsAdding] = useState(false);
  return (
    <SectionCard title={t('monitoring.lessons.title')}>
      <Stack gap="sm">
        {lessons.data?.items.length === 0 && !isAdding && (
          <Text size="sm" c="dimmed">
            {t('monitoring.lessons.empty')}
          </Text>
        )}
        {lessons.data?.items.map((l) => (
          <LessonCard key={l.id} lesson={l} showInitiative={false} />
        ))}
        {isAdding ? (
          <LessonForm initiativeId={initiativeId} onDone={() => setIsAdding(false)} />
        ) : (
          canAdd && (
            <Group>
              <Button variant="light" onClick={() => setIsAdding(true)}>
                {t('monitoring.lessons.add')}
              </Button>
            </Group>
          )
        )}
      </Stack>
    </SectionCard>
  );
}

/** `/plans/:planId/lessons`: every lesson of the plan, to read before writing the next one. */
export function PlanLessonsPage({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const lessons = useLessons({ planId });
  return (
    <>
      <PageHeader title={t('monitoring.lessons.title')}>
        <Text size="sm" c="dimmed">
          {t('monitoring.lessons.planIntro')}
        </Text>
      </PageHeader>
      {lessons.isPending || lessons.isError ? (
        <QueryState query={lessons} />
      ) : lessons.data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('monitoring.lessons.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {lessons.data.items.map((l) => (
            <LessonCard key={l.id} lesson={l} showInitiative />
          ))}
        </Stack>
      )}
    </>
  );
}
