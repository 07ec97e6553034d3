import { api, apiErrorFrom, networkError, readCsrfToken } from '../../api/client.js';
import type { AssetImportView } from '../../../features/assets/transfer/schemas.js';

// The server's own types (src/features/assets/transfer/schemas.ts): what an upload, a read and a commit answer.
export type { AssetImportView, ImportPreviewRow, ImportProblem } from '../../../features/assets/transfer/schemas.js';

export const importTemplateUrl = '/api/assets/import-template.xlsx';

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
      else reject(apiErrorFrom(request.status, body));
    });
    request.addEventListener('error', () => reject(networkError()));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** Registers every row of a validated import, or nothing. */
export const commitImport = (id: string) => api<AssetImportView>('POST', `/assets/imports/${encodeURIComponent(id)}/commit`);
