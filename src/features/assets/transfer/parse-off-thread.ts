import { Worker } from 'node:worker_threads';
import { DomainError } from '../../../domain/errors.js';
import { assetErrors } from '../errors.js';
import { fileTooLarge, type ParsedSheet, type ParseOptions } from './parse-import-file.js';

/**
 * Limits of one upload's parse: the thread's heap (a file that would need more is not a 台帳) and its time.
 * With at most `importSlots.total` parses at once, uploads cannot exhaust the server's memory.
 */
export const parseLimits = { heapMb: 384, youngMb: 32, seconds: 60 } as const;

const tooSlow = () => assetErrors.E_IMPORT_TOO_SLOW.error({ seconds: parseLimits.seconds });

// Under tsx or vitest this module is TypeScript, and so is the worker it starts, which tsx then loads (a
// development dependency); built, both are JavaScript.
const source = import.meta.url.endsWith('.ts');
const workerUrl = new URL(source ? './parse-import-worker.ts' : './parse-import-worker.js', import.meta.url);
const workerScript: URL | string = source
  ? `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`
  : workerUrl;

type Answer = { sheet: ParsedSheet } | { refused: { kind: DomainError['kind']; code: string; bilingual: DomainError['bilingual']; fields: DomainError['fields'] } } | { failed: string };

/**
 * parseImportFile in a worker thread with a heap ceiling and a time limit, so that no upload (a zip bomb, a CSV
 * of 100,000 columns) can stall the event loop or take the process down: the server goes on answering others
 * while a file is read, and a file that hits a limit is refused.
 */
export function parseImportFileOffThread(bytes: Buffer, fileName: string, options: ParseOptions): Promise<ParsedSheet> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, {
      eval: source,
      workerData: { bytes, fileName, options },
      resourceLimits: { maxOldGenerationSizeMb: parseLimits.heapMb, maxYoungGenerationSizeMb: parseLimits.youngMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(tooSlow())), parseLimits.seconds * 1000);
    worker.once('message', (answer: Answer) =>
      settle(() => {
        if ('sheet' in answer) resolve(answer.sheet);
        else if ('refused' in answer) reject(new DomainError(answer.refused.kind, answer.refused.code, answer.refused.bilingual, answer.refused.fields));
        else reject(new Error(`Import parse failed: ${answer.failed}`));
      }),
    );
    worker.once('error', (error: NodeJS.ErrnoException) => settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? fileTooLarge() : error)));
    worker.once('exit', (code) => settle(() => reject(code === 0 ? new Error('Import parse ended without an answer') : fileTooLarge())));
  });
}
