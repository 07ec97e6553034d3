import { api, ApiError, readCsrfToken } from '../../api/client.js';
import type { ErrorBody } from '../../../domain/error-body.js';
import type { AssetImportView } from '../../../features/assets/transfer/schemas.js';
import type { LocalizedText } from '../../api/types.js';

// The server's own types (src/features/assets/transfer/schemas.ts): what an upload, a read and a commit answer.
export type { AssetImportView, ImportPreviewRow, ImportProblem } from '../../../features/assets/transfer/schemas.js';

export const importTemplateUrl = '/api/assets/import-template.xlsx';

const unexpected: LocalizedText = { ja: 'サーバーから予期しない応答がありました。時間をおいてもう一度お試しください。', en: 'The server gave an unexpected answer. Please try again later.' };

/** The refusal the server sent (its one error shape), or "unexpected" for anything else. */
function errorOf(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null) {
    const { code, message, fields } = body.error as Partial<ErrorBody['error']>;
    if (typeof code === 'string' && typeof message === 'object' && message !== null && 'ja' in message && 'en' in message) {
      return new ApiError(status, code, message, Array.isArray(fields) ? fields : []);
    }
  }
  return new ApiError(status, 'E_UNEXPECTED', unexpected);
}

/**
 * Uploads a register file (multipart, field "file"). XMLHttpRequest rather than fetch: only it reports upload
 * progress. `onProgress` gets the share sent (0–1); `onSent` fires when the last byte is out and the server is
 * checking the rows.
 */
export function uploadImport(file: File, onProgress: (share: number) => void, onSent: () => void): Promise<AssetImportView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/assets/imports');
    request.setRequestHeader('accept', 'application/json');
    const token = readCsrfToken();
    if (token) request.setRequestHeader('x-csrf-token', token);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.upload.addEventListener('load', onSent);
    request.addEventListener('load', () => {
      const body: unknown = request.response;
      if (request.status === 201 && typeof body === 'object' && body !== null) resolve(body as AssetImportView);
      else reject(errorOf(request.status, body));
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'E_NETWORK', { ja: 'サーバーに接続できませんでした。ネットワークの状態を確認して、もう一度お試しください。', en: 'Could not reach the server. Check the network connection and try again.' })));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** Registers every row of a validated import, or nothing. */
export const commitImport = (id: string) => api<AssetImportView>('POST', `/assets/imports/${encodeURIComponent(id)}/commit`);
