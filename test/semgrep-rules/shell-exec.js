const cp = require('child_process');
const { execSync } = require('node:child_process');
const { exec: runInShell } = require('child_process');

function archive(directory, callback) {
  // ruleid: shell-exec-with-variable
  cp.exec('tar czf out.tgz ' + directory, callback);
  // ruleid: shell-exec-with-variable
  execSync(`du -sh ${directory}`);
  // ruleid: shell-exec-with-variable
  runInShell(directory);
  // ok: shell-exec-with-variable
  cp.exec('tar czf out.tgz data/', callback);
  // ok: shell-exec-with-variable
  cp.execFile('tar', ['czf', 'out.tgz', directory], callback);
}

const db = { exec: (sql) => sql };
function migrate(sql) {
  // ok: shell-exec-with-variable
  db.exec(sql);
}

function local(exec, command) {
  // ok: shell-exec-with-variable
  exec(command);
}

module.exports = { archive, migrate, local };
