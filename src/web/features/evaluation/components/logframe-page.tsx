import { Alert, Anchor, Button, Group, List, Stack, Table, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TLogframeLevel } from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import type { TPlan } from '../../plans/index.ts';
import { type TLogframe, useLogframe, useSaveLogframe } from '../api/evaluation.ts';
import { ReportButtons } from './report-buttons.tsx';

type TLevelDraft = { indicators: string; sources: string; assumptions: string };
type TResultDraft = TLevelDraft & { text: string };
type TDraft = {
  levels: Record<TLogframeLevel, TLevelDraft>;
  expectedResults: TResultDraft[];
  preconditions: string;
};

const LEVEL_KEYS = {
  overall_objective: 'overallObjective',
  specific_objective: 'specificObjective',
  activities: 'activities',
} as const;

function toDraft(logframe: TLogframe): TDraft {
  const level = (key: TLogframeLevel) => {
    const row = logframe[LEVEL_KEYS[key]];
    return {
      indicators: row.indicators ?? '',
      sources: row.sources ?? '',
      assumptions: row.assumptions ?? '',
    };
  };
  return {
    levels: {
      overall_objective: level('overall_objective'),
      specific_objective: level('specific_objective'),
      activities: level('activities'),
    },
    expectedResults: logframe.expectedResults.map((r) => ({
      text: r.text,
      indicators: r.indicators ?? '',
      sources: r.sources ?? '',
      assumptions: r.assumptions ?? '',
    })),
    preconditions: logframe.preconditions ?? '',
  };
}

const orNull = (v: string) => v.trim() || null;
const TOP = { verticalAlign: 'top' } as const;

/** A hand-written cell: text in reading mode, a text area in editing mode. */
function Cell({
  value,
  isEditing,
  label,
  onChange,
  children,
}: {
  value: string;
  isEditing: boolean;
  label: string;
  onChange: (value: string) => void;
  children?: ReactNode;
}) {
  return (
    <Table.Td style={TOP}>
      {children}
      {isEditing ? (
        <Textarea
          aria-label={label}
          autosize
          minRows={2}
          size="xs"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        value && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {value}
          </Text>
        )
      )}
    </Table.Td>
  );
}

function LogframeTable({ logframe, onSaved }: { logframe: TLogframe; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaveLogframe(logframe.planId);
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(() => toDraft(logframe));

  const setLevel = (key: TLogframeLevel, field: keyof TLevelDraft) => (value: string) =>
    setDraft((d) => ({ ...d, levels: { ...d.levels, [key]: { ...d.levels[key], [field]: value } } }));
  const setResult = (index: number, field: keyof TResultDraft) => (value: string) =>
    setDraft((d) => ({
      ...d,
      expectedResults: d.expectedResults.map((r, i) => (i === index ? { ...r, [field]: value } : r)),
    }));

  const handleSave = () => {
    const level = (l: TLevelDraft) => ({
      indicators: orNull(l.indicators),
      sources: orNull(l.sources),
      assumptions: orNull(l.assumptions),
    });
    save.mutate(
      {
        version: logframe.version,
        levels: {
          overall_objective: level(draft.levels.overall_objective),
          specific_objective: level(draft.levels.specific_objective),
          activities: level(draft.levels.activities),
        },
        expectedResults: draft.expectedResults
          .filter((r) => r.text.trim())
          .map((r) => ({ text: r.text.trim(), ...level(r) })),
        preconditions: orNull(draft.preconditions),
      },
      { onSuccess: onSaved },
    );
  };

  const levelRow = (key: 'overall_objective' | 'specific_objective', logic: ReactNode) => {
    const row = logframe[LEVEL_KEYS[key]];
    const label = t(`evaluation.logframe.levels.${key}`);
    return (
      <Table.Tr>
        <Table.Th scope="row" style={TOP}>
          {label}
        </Table.Th>
        <Table.Td style={TOP}>{logic}</Table.Td>
        <Cell
          value={draft.levels[key].indicators}
          isEditing={isEditing}
          label={`${label}: ${t('evaluation.logframe.indicators')}`}
          onChange={setLevel(key, 'indicators')}
        >
          {row.linkedIndicators.length > 0 && (
            <List size="sm" mb={4}>
              {row.linkedIndicators.map((i) => (
                <List.Item key={i.name}>
                  {i.name}
                  {i.target ? ` (${t('evaluation.logframe.target')} ${i.target})` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </Cell>
        <Cell
          value={draft.levels[key].sources}
          isEditing={isEditing}
          label={`${label}: ${t('evaluation.logframe.sources')}`}
          onChange={setLevel(key, 'sources')}
        />
        <Cell
          value={draft.levels[key].assumptions}
          isEditing={isEditing}
          label={`${label}: ${t('evaluation.logframe.assumptions')}`}
          onChange={setLevel(key, 'assumptions')}
        />
      </Table.Tr>
    );
  };

  const objectives = (texts: string[]) =>
    texts.length ? (
      <Stack gap={4}>
        {texts.map((text) => (
          <Text key={text} size="sm">
            {text}
          </Text>
        ))}
      </Stack>
    ) : (
      <Text size="sm" c="dimmed">
        {t('evaluation.logframe.noObjective')}
      </Text>
    );

  const results = isEditing ? draft.expectedResults : toDraft(logframe).expectedResults;
  return (
    <Stack gap="md">
      {logframe.canEdit && (
        <Group>
          {isEditing ? (
            <>
              <Button onClick={handleSave} loading={save.isPending}>
                {t('evaluation.save')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(toDraft(logframe));
                  setIsEditing(false);
                  save.reset();
                }}
              >
                {t('evaluation.logframe.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="default" onClick={() => setIsEditing(true)}>
              {t('evaluation.logframe.edit')}
            </Button>
          )}
        </Group>
      )}
      {save.isError && (
        <Alert color="red" role="alert" title={t('evaluation.notSaved')}>
          {isApiError(save.error, 409) ? t('evaluation.conflict') : (save.error as Error).message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders verticalSpacing="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="14%" />
              <Table.Th w="30%">{t('evaluation.logframe.logic')}</Table.Th>
              <Table.Th>{t('evaluation.logframe.indicators')}</Table.Th>
              <Table.Th>{t('evaluation.logframe.sources')}</Table.Th>
              <Table.Th>{t('evaluation.logframe.assumptions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {levelRow('overall_objective', objectives(logframe.overallObjective.logic))}
            {levelRow('specific_objective', objectives(logframe.specificObjective.logic))}
            {results.map((result, index) => {
              const label = `${t('evaluation.logframe.levels.result')} ${index + 1}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: results have no id; their order is their identity
                <Table.Tr key={index}>
                  <Table.Th scope="row" style={TOP}>
                    {label}
                  </Table.Th>
                  <Table.Td style={TOP}>
                    {isEditing ? (
                      <Group gap={4} wrap="nowrap" align="flex-start">
                        <Textarea
                          aria-label={label}
                          autosize
                          minRows={2}
                          size="xs"
                          style={{ flex: 1 }}
                          value={result.text}
                          onChange={(e) => setResult(index, 'text')(e.currentTarget.value)}
                        />
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`${t('evaluation.logframe.removeResult')} ${index + 1}`}
                          onClick={() =>
                            setDraft((d) => ({
                              ...d,
                              expectedResults: d.expectedResults.filter((_, i) => i !== index),
                            }))
                          }
                        >
                          ✕
                        </Button>
                      </Group>
                    ) : (
                      <Text size="sm">{result.text}</Text>
                    )}
                  </Table.Td>
                  <Cell
                    value={result.indicators}
                    isEditing={isEditing}
                    label={`${label}: ${t('evaluation.logframe.indicators')}`}
                    onChange={setResult(index, 'indicators')}
                  />
                  <Cell
                    value={result.sources}
                    isEditing={isEditing}
                    label={`${label}: ${t('evaluation.logframe.sources')}`}
                    onChange={setResult(index, 'sources')}
                  />
                  <Cell
                    value={result.assumptions}
                    isEditing={isEditing}
                    label={`${label}: ${t('evaluation.logframe.assumptions')}`}
                    onChange={setResult(index, 'assumptions')}
                  />
                </Table.Tr>
              );
            })}
            {isEditing && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      setDraft((d) => ({
                        ...d,
                        expectedResults: [
                          ...d.expectedResults,
                          { text: '', indicators: '', sources: '', assumptions: '' },
                        ],
                      }))
                    }
                  >
                    {t('evaluation.logframe.addResult')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th scope="row" style={TOP}>
                {t('evaluation.logframe.levels.activities')}
              </Table.Th>
              <Table.Td style={TOP}>
                {logframe.activities.groups.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('evaluation.logframe.noActivities')}
                  </Text>
                )}
                <Stack gap="xs">
                  {logframe.activities.groups.map((group) => (
                    <div key={group.focusArea ?? 'none'}>
                      <Text size="sm" fw={600}>
                        {group.focusArea ?? t('evaluation.logframe.noFocusArea')} ({group.initiatives.length})
                      </Text>
                      <List size="sm">
                        {group.initiatives.map((i) => (
                          <List.Item key={i.id}>
                            <Anchor component={Link} to={`/initiatives/${i.id}`} size="sm">
                              {i.title}
                            </Anchor>
                            {i.dates && (
                              <Text span size="xs" c="dimmed">
                                {' '}
                                · {i.dates}
                              </Text>
                            )}
                          </List.Item>
                        ))}
                      </List>
                    </div>
                  ))}
                </Stack>
              </Table.Td>
              <Cell
                value={draft.levels.activities.indicators}
                isEditing={isEditing}
                label={`${t('evaluation.logframe.levels.activities')}: ${t('evaluation.logframe.indicators')}`}
                onChange={setLevel('activities', 'indicators')}
              />
              <Cell
                value={draft.levels.activities.sources}
                isEditing={isEditing}
                label={`${t('evaluation.logframe.levels.activities')}: ${t('evaluation.logframe.sources')}`}
                onChange={setLevel('activities', 'sources')}
              />
              <Cell
                value={draft.levels.activities.assumptions}
                isEditing={isEditing}
                label={`${t('evaluation.logframe.levels.activities')}: ${t('evaluation.logframe.assumptions')}`}
                onChange={setLevel('activities', 'assumptions')}
              />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {isEditing ? (
        <Textarea
          label={t('evaluation.logframe.preconditions')}
          autosize
          minRows={2}
          value={draft.preconditions}
          onChange={(e) => {
            const preconditions = e.currentTarget.value;
            setDraft((d) => ({ ...d, preconditions }));
          }}
        />
      ) : (
        <div>
          <Text fw={600} size="sm">
            {t('evaluation.logframe.preconditions')}
          </Text>
          <Text size="sm" c={logframe.preconditions ? undefined : 'dimmed'}>
            {logframe.preconditions ?? t('evaluation.logframe.none')}
          </Text>
        </div>
      )}
    </Stack>
  );
}

/** The plan's logframe: objectives, results and activities with indicators, sources and assumptions. */
export function LogframePage({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const logframe = useLogframe(plan.id);
  const [savedVersion, setSavedVersion] = useState(0);
  return (
    <>
      <PageHeader
        eyebrow={`${plan.acronym} — ${plan.title}`}
        title={t('evaluation.logframe.title')}
        actions={<ReportButtons planId={plan.id} />}
      >
        <Text size="sm" c="dimmed">
          {t('evaluation.logframe.intro')}
        </Text>
      </PageHeader>
      {logframe.isPending || logframe.isError ? (
        <QueryState query={logframe} />
      ) : (
        <LogframeTable
          key={`${logframe.data.version}-${savedVersion}`}
          logframe={logframe.data}
          onSaved={() => setSavedVersion((v) => v + 1)}
        />
      )}
    </>
  );
}
