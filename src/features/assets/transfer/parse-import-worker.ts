import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../../domain/errors.js';
import { parseImportFile, type ParseOptions } from './parse-import-file.js';

// The worker side of parseImportFileOffThread: one upload, parsed in a thread of its own with a memory ceiling.
const { bytes, fileName, options } = workerData as { bytes: Uint8Array; fileName: string; options: ParseOptions };
parseImportFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, options).then(
  (sheet) => parentPort?.postMessage({ sheet }),
  (error: unknown) => {
    if (error instanceof DomainError) parentPort?.postMessage({ refused: { kind: error.kind, code: error.code, bilingual: error.bilingual, fields: error.fields } });
    else parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  },
);
