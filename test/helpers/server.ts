import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
  proc: ChildProcess;
}

/**
 * Starts the real server as `npm start` does, `node scripts/run.mjs server` (the compiled bundle, dist/bundle/server.js;
 * not through npm, whose child would outlive a kill), or with other `args` (e.g. `--import tsx src/server.ts`), and
 * resolves once it prints its URL. PORT=0 lets the OS choose a free port. The suites that use it build dist/ first
 * (globalSetup: helpers/build-once.ts).
 */
export function startServer(
  env: Record<string, string>,
  timeoutMs = 30000,
  args: string[] = ['scripts/run.mjs', 'server'],
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, {
      env: { ...process.env, PORT: '0', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          proc,
          output: () => out,
          stop: () =>
            new Promise((res) => {
              if (proc.exitCode !== null) return res(proc.exitCode);
              proc.once('exit', (code) => res(code));
              proc.kill('SIGTERM');
            }),
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      if (!/running at/.test(out)) reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}
