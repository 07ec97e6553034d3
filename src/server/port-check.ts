import net from 'node:net';
import { StartProblem } from './start-problem.js';

/** Whether something may listen on host:port now (it is free, and this user may bind it). */
function tryListen(host: string, port: number): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

/**
 * Refuses to start when the HTTP port is taken, before anything is written, and suggests a free one with the
 * command that was run (`PORT=3001 npm run demo`).
 */
export async function assertPortFree(host: string, port: number, command: string): Promise<void> {
  if (port === 0) return;
  const error = await tryListen(host, port);
  if (!error) return;
  if (error.code === 'EADDRINUSE') {
    let suggestion = port + 1;
    while (suggestion < Math.min(port + 50, 65_536) && (await tryListen(host, suggestion))) suggestion += 1;
    throw new StartProblem(
      'port-in-use',
      `Port ${port} is already in use on ${host}. Stop what uses it, or start Bansho on another port: PORT=${suggestion} ${command}`,
      `ポート ${port}（${host}）は既に使用されています。使用中のプログラムを停止するか、別のポートで起動してください: PORT=${suggestion} ${command}`,
      { cause: error },
    );
  }
  throw new StartProblem(
    'port-in-use',
    `Bansho cannot listen on ${host}:${port} (${error.code ?? error.message}). Ports below 1024 need privileges; choose another: PORT=3000 ${command}`,
    `${host}:${port} で待ち受けできません（${error.code ?? error.message}）。1024 未満のポートには権限が必要です。別のポートを指定してください: PORT=3000 ${command}`,
    { cause: error },
  );
}
