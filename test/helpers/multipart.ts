import { randomBytes } from 'node:crypto';

/** One part of a multipart/form-data body: a text field, or a file with its name and type. */
export type FormPart = { name: string; value: string } | { name: string; fileName: string; type?: string; content: Buffer };

/** A multipart/form-data body as a browser's FormData sends it, with the matching content-type header. */
export function multipartBody(parts: readonly FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----bansho${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = 'fileName' in part ? `form-data; name="${part.name}"; filename="${part.fileName}"` : `form-data; name="${part.name}"`;
    const type = 'fileName' in part ? `\r\nContent-Type: ${part.type ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push('fileName' in part ? part.content : Buffer.from(part.value, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The body of a one-file upload under the field name "file". */
export const fileUpload = (fileName: string, content: Buffer, fields: Record<string, string> = {}) =>
  multipartBody([...Object.entries(fields).map(([name, value]) => ({ name, value })), { name: 'file', fileName, content }]);
