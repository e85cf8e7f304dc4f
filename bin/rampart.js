#!/usr/bin/env node
// Entry only: run the CLI from the built package and set the exit code.
//
// The scan runs in a worker thread with a 1 GiB stack (reserved, not used): the native parser recurses on the
// thread's own stack, so on the main thread's 8 MiB a hostile file nested tens of thousands of levels deep
// would crash the process instead of becoming one more file that could not be parsed.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const SCAN_STACK_MB = 1024;

if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { argv: process.argv.slice(2), stdoutIsTty: process.stdout.isTTY === true, stderrIsTty: process.stderr.isTTY === true },
    resourceLimits: { stackSizeMb: SCAN_STACK_MB },
  });
  worker.on('message', (message) => {
    if (message.stream === 'stdout') process.stdout.write(message.text);
    else if (message.stream === 'stderr') process.stderr.write(message.text);
    else if (typeof message.exitCode === 'number') process.exitCode = message.exitCode;
  });
  worker.on('error', (error) => {
    process.stderr.write(`rampart: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
} else {
  const { runCli } = await import('../dist/src/cli/main.js');
  const exitCode = runCli(workerData.argv, {
    cwd: process.cwd(),
    stdout: (text) => parentPort.postMessage({ stream: 'stdout', text }),
    stderr: (text) => parentPort.postMessage({ stream: 'stderr', text }),
    stdoutIsTty: workerData.stdoutIsTty,
    stderrIsTty: workerData.stderrIsTty,
    env: process.env,
  });
  parentPort.postMessage({ exitCode });
}
