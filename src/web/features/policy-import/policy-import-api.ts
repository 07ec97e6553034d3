import { queryOptions } from '@tanstack/react-query';
import { api, apiErrorFrom, networkError, readCsrfToken } from '../../api/client.js';
import type { DraftFileName } from '../../../features/policy-import/draft-fields.js';
import type { DraftDetail, DraftList, ParsedStandardText } from '../../../features/policy-import/schemas.js';
import type { ImportedStandard } from '../../../policy/import-text/draft-types.js';

export type { DraftSummary, ParsedStandardText } from '../../../features/policy-import/schemas.js';
export type { DraftClause, ImportedStandard } from '../../../policy/import-text/draft-types.js';

/** Parses pasted text. */
export const parseText = (text: string) => api<ParsedStandardText>('POST', '/policy/import-text', { text });

/**
 * Parses a chosen file: its bytes go as they are, so that the server decodes them as UTF-8 and refuses
 * Shift_JIS or UTF-16 with the line of the first bad byte, rather than the browser guessing.
 */
export async function parseFile(bytes: ArrayBuffer): Promise<ParsedStandardText> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  const token = readCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch('/api/policy/import-text', { method: 'POST', headers, credentials: 'same-origin', body: bytes });
  } catch {
    throw networkError();
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || body === undefined) throw apiErrorFrom(response.status, body);
  return body as ParsedStandardText;
}

export const draftsQuery = queryOptions({
  queryKey: ['policy-drafts'],
  queryFn: () => api<DraftList>('GET', '/policy/drafts'),
});

export const fetchDraft = (id: string) => api<DraftDetail>('GET', `/policy/drafts/${encodeURIComponent(id)}`);

type DraftBody = Pick<ImportedStandard, 'style' | 'title' | 'clauses' | 'versions' | 'roles' | 'warnings'>;

export const createDraft = (name: string, sourceText: string, draft: DraftBody) =>
  api<{ id: string }>('POST', '/policy/drafts', { name, sourceText, draft });

export const updateDraft = (id: string, name: string, draft: DraftBody) =>
  api<{ id: string }>('PUT', `/policy/drafts/${encodeURIComponent(id)}`, { name, draft });

/** Where a draft's YAML file downloads from. */
export const draftFileUrl = (id: string, file: DraftFileName) => `/api/policy/drafts/${encodeURIComponent(id)}/files/${file}`;
