import { queryOptions } from '@tanstack/react-query';
import { api, ApiError, apiErrorFrom, readCsrfToken } from '../../api/client.js';
import type { ImportedStandard } from '../../../policy/import-text/draft-types.js';

export type { DraftClause, ImportedStandard, ImportWarning } from '../../../policy/import-text/draft-types.js';

/** POST /api/policy/import-text: the draft tree and the text's lines (line n is `lines[n - 1]`). */
export interface ParsedText extends ImportedStandard {
  lines: string[];
}

export interface DraftSummary {
  id: string;
  name: string;
  clauseCount: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string;
  updatedByName: string;
}

export interface DraftList {
  items: DraftSummary[];
  allowedActions: string[];
}

export interface DraftDetail {
  id: string;
  name: string;
  sourceText: string;
  lines: string[];
  draft: ImportedStandard;
  updatedAt: string;
}

/** Parses pasted text. */
export const parseText = (text: string) => api<ParsedText>('POST', '/policy/import-text', { text });

/**
 * Parses a chosen file: its bytes go as they are, so that the server decodes them as UTF-8 and refuses
 * Shift_JIS or UTF-16 with the line of the first bad byte, rather than the browser guessing.
 */
export async function parseFile(bytes: ArrayBuffer): Promise<ParsedText> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  const token = readCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch('/api/policy/import-text', { method: 'POST', headers, credentials: 'same-origin', body: bytes });
  } catch {
    throw new ApiError(0, 'E_NETWORK', { ja: 'サーバーに接続できませんでした。', en: 'Could not reach the server.' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || body === undefined) throw apiErrorFrom(response.status, body);
  return body as ParsedText;
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
export const draftFileUrl = (id: string, file: string) => `/api/policy/drafts/${encodeURIComponent(id)}/files/${file}`;
