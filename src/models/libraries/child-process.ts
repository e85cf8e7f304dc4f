import type { LibraryModel } from '../concepts.js';

/**
 * node:child_process (https://nodejs.org/api/child_process.html): `exec`/`execSync` run a shell command line;
 * `spawn`/`execFile` run a program directly, so their arguments reach a shell only under `shell: true`
 * (the docs: "If the shell option is enabled, do not pass unsanitized user input"). The program itself is
 * always a sink: whoever names it chooses what runs.
 */
const DIRECT = '{spawn,spawnSync,execFile,execFileSync}';
const SHELL = { option: 'shell', is: 'truthy' } as const;

export const childProcess: LibraryModel = {
  name: 'child_process',
  modules: ['child_process', 'node:child_process'],
  docs: 'https://nodejs.org/api/child_process.html#spawning-shell-scripts',
  rows: [
    { concept: 'command-execution', path: '{exec,execSync}', argument: 0 },
    // fork runs a Node.js module: the path chooses the code.
    { concept: 'command-execution', path: 'fork', argument: 0 },
    { concept: 'command-execution', path: DIRECT, argument: 0 },
    { concept: 'command-execution', path: DIRECT, argument: 1, when: SHELL },
  ],
};

/** cross-spawn: a drop-in `spawn` with the same options. */
export const crossSpawn: LibraryModel = {
  name: 'cross-spawn',
  modules: ['cross-spawn'],
  docs: 'https://github.com/moxystudio/node-cross-spawn#readme',
  rows: [
    { concept: 'command-execution', path: '', argument: 0 },
    { concept: 'command-execution', path: 'sync', argument: 0 },
    { concept: 'command-execution', path: '', argument: 1, when: SHELL },
    { concept: 'command-execution', path: 'sync', argument: 1, when: SHELL },
  ],
};

/**
 * execa (https://github.com/sindresorhus/execa/blob/main/docs/api.md): `execa(file, args)` runs a program
 * without a shell unless `shell: true`; `execaCommand(command)` splits one string into program and arguments,
 * so the whole string chooses what runs. v5 exported `execa` as the default with `.sync` and `.command`.
 */
export const execa: LibraryModel = {
  name: 'execa',
  modules: ['execa'],
  docs: 'https://github.com/sindresorhus/execa/blob/main/docs/api.md',
  rows: [
    { concept: 'command-execution', path: '{execa,execaSync,execaNode}', argument: 0 },
    { concept: 'command-execution', path: '{execa,execaSync}', argument: 1, when: SHELL },
    { concept: 'command-execution', path: '{execaCommand,execaCommandSync}', argument: 0 },
    { concept: 'command-execution', path: '', argument: 0 },
    { concept: 'command-execution', path: 'sync', argument: 0 },
    { concept: 'command-execution', path: '', argument: 1, when: SHELL },
    { concept: 'command-execution', path: 'sync', argument: 1, when: SHELL },
    { concept: 'command-execution', path: '{command,commandSync}', argument: 0 },
  ],
};

/** shelljs (https://github.com/shelljs/shelljs#execcommand--options--callback): `exec(command)` runs it in a shell. */
export const shelljs: LibraryModel = {
  name: 'shelljs',
  modules: ['shelljs'],
  docs: 'https://github.com/shelljs/shelljs#execcommand--options--callback',
  rows: [{ concept: 'command-execution', path: 'exec', argument: 0 }],
};
