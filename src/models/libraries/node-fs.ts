import type { FileAccessRow, LibraryModel } from '../concepts.js';

/**
 * node:fs, its promise API and fs-extra (https://nodejs.org/api/fs.html): each call opens, reads, writes,
 * lists or removes the path in its first argument (copy and rename also the second). A path built from
 * request data can climb out of the intended directory with `../`.
 */
const ONE_PATH = [
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createReadStream', 'createWriteStream',
  'open', 'openSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'mkdir', 'mkdirSync', 'readdir', 'readdirSync',
  'stat', 'statSync', 'lstat', 'lstatSync', 'access', 'accessSync', 'exists', 'existsSync', 'truncate', 'truncateSync', 'opendir',
  'chmod', 'chmodSync', 'chown', 'chownSync', 'readlink', 'readlinkSync', 'realpath', 'realpathSync', 'utimes', 'watch',
].join(',');
const TWO_PATHS = 'copyFile,copyFileSync,rename,renameSync,symlink,symlinkSync,link,linkSync,cp,cpSync';
const FS_EXTRA = 'outputFile,outputFileSync,readJson,readJsonSync,writeJson,writeJsonSync,outputJson,remove,removeSync,pathExists,pathExistsSync,ensureFile,ensureDir,emptyDir,move,moveSync,copy,copySync';

function rows(prefix: string, names: string, twoPaths: string): FileAccessRow[] {
  return [
    { concept: 'file-access', path: `${prefix}{${names}}`, argument: 0 },
    { concept: 'file-access', path: `${prefix}{${twoPaths}}`, argument: 0 },
    { concept: 'file-access', path: `${prefix}{${twoPaths}}`, argument: 1 },
  ];
}

export const nodeFs: LibraryModel = {
  name: 'fs',
  modules: ['fs', 'node:fs'],
  docs: 'https://nodejs.org/api/fs.html',
  rows: [...rows('', ONE_PATH, TWO_PATHS), ...rows('promises.', ONE_PATH, TWO_PATHS)],
};

export const nodeFsPromises: LibraryModel = {
  name: 'fs/promises',
  modules: ['fs/promises', 'node:fs/promises'],
  docs: 'https://nodejs.org/api/fs.html#promises-api',
  rows: rows('', ONE_PATH, TWO_PATHS),
};

export const fsExtra: LibraryModel = {
  name: 'fs-extra',
  modules: ['fs-extra'],
  docs: 'https://github.com/jprichardson/node-fs-extra#methods',
  rows: [...rows('', `${ONE_PATH},${FS_EXTRA}`, TWO_PATHS), ...rows('promises.', ONE_PATH, TWO_PATHS)],
};

/**
 * Express responses (https://expressjs.com/en/5x/api.html#res.sendFile): `sendFile`/`download` serve any file
 * unless a `root` option confines the path (then `send` refuses paths that climb out with `..`).
 */
export const expressFiles: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#res.sendFile',
  rows: [{ concept: 'file-access', path: 'Response().{sendFile,download,sendfile}', argument: 0, when: { option: 'root', is: 'absent' } }],
};
