/** Why Bansho could not start, as the person at the console should read it. */
export type StartProblemCode =
  | 'port-in-use'
  | 'data-dir-not-writable'
  | 'data-dir-in-use'
  | 'database-binaries'
  | 'database-start'
  | 'disk-full';

/**
 * A failure to start that the operator can fix: one message in English and Japanese that says what to do.
 * The command line prints it without a stack trace and exits non-zero.
 */
export class StartProblem extends Error {
  constructor(
    readonly code: StartProblemCode,
    readonly en: string,
    readonly ja: string,
    options?: { cause?: unknown },
  ) {
    super(`${en}\n${ja}`, options);
    this.name = 'StartProblem';
  }
}

/** True for the errors with which a full disk shows itself: Node's ENOSPC, PostgreSQL's disk_full (53100) or its log line. */
export function isDiskFull(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code } = e as { code?: unknown };
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === '53100' || /No space left on device/i.test(e.message)) return true;
  }
  return false;
}

/** The start failure for a full disk under `where`. */
export function diskFull(where: string, cause: unknown): StartProblem {
  return new StartProblem(
    'disk-full',
    `The disk holding ${where} is full. Free some space (or set BANSHO_DATA_DIR to a directory on another disk) and start again.`,
    `${where} のディスクに空きがありません。空き容量を確保する（または BANSHO_DATA_DIR に別のディスクのディレクトリを指定する）と、もう一度起動してください。`,
    { cause },
  );
}
