#!/usr/bin/env node
// Entry only: run the CLI from the built package and set the exit code.
import { runCli } from '../dist/src/cli/main.js';

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTty: process.stdout.isTTY === true,
  env: process.env,
});
