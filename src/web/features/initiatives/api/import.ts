import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type TSchemas, unwrap } from '../../../lib/api-client.ts';

export type TImportResult = TSchemas['InitiativeImportResult'];
type TImportProblemError = NonNullable<TSchemas['InitiativeImportProblem']['errors']>[number];

export interface TImportRowError {
  row: number | null;
  column: string;
  message: string;
}

export type TImportOutcome =
  | { result: TImportResult; errors: [] }
  | { result: null; errors: TImportRowError[] };

/**
 * Uploads a CSV/XLSX file of initiatives into a plan (multipart field `file`). A file with
 * errors is refused as a whole (400): its errors come back by row and column.
 */
export function useImportInitiatives(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<TImportOutcome> => {
      const body = new FormData();
      body.append('file', file);
      try {
        const result = await unwrap(
          api.POST('/api/plans/{planId}/initiatives/import', {
            params: { path: { planId } },
            // openapi-fetch sends FormData as it is; the schema types the file as a string.
            body: body as unknown as { file: string },
            bodySerializer: (value) => value as unknown as FormData,
          }),
        );
        return { result, errors: [] };
      } catch (error) {
        const rows = error instanceof ApiError && error.status === 400 ? rowErrorsOf(error) : [];
        if (rows.length) return { result: null, errors: rows };
        throw error;
      }
    },
    onSuccess: (outcome) => {
      if (outcome.result) {
        void queryClient.invalidateQueries({ queryKey: ['initiatives'] });
        void queryClient.invalidateQueries({ queryKey: ['plans'] });
      }
    },
  });
}

function rowErrorsOf(error: ApiError): TImportRowError[] {
  return (error.fieldErrors as TImportProblemError[]).map((e) => ({
    row: e.row ?? null,
    column: e.column ?? (e.field === 'file' ? '' : e.field),
    message: e.message,
  }));
}
