#!/usr/bin/env node
/**
 * Speed benchmark: rampart (all rules) against ESLint with eslint-plugin-security's recommended config alone,
 * on the same files (typeorm's src/ at the commit in config.json). Each tool runs as a child process: one
 * warm-up, then N timed runs; the table shows the median wall time and the peak resident set size.
 *
 *   node bench/speed/run.mjs [corpus-dir] [--runs N] [--parser typescript-estree|oxc] [--json out.json]
 *   RAMPART_BENCH_CORPUS=/work/corpora/typeorm node bench/speed/run.mjs
 *
 * Exit code: 0 when rampart/eslint ≤ maxRatio and rampart's peak RSS ≤ maxRssMiB (config.json), 1 when a limit
 * is broken, 2 when the benchmark cannot run (missing corpus, a tool failed, file sets differ).
 *
 * Notes:
 * - Peak RSS comes from GNU time (`/usr/bin/time -v`, "Maximum resident set size"); install it with
 *   `apt-get install time` where missing (it was present on the 2-core machine the docs numbers come from).
 *   Without it both tools run with `node --import rss-hook.mjs`, which prints `process.resourceUsage().maxRSS`
 *   on exit (same field, same unit, measured from inside the process).
 * - rampart must be built first (`npm run build`): the benchmark runs bin/rampart.js, as users do.
 * - Both tools write JSON to a temporary file; the script counts the files each one reports and refuses to
 *   compare when the counts differ.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const REPO = resolve(import.meta.dirname, '../..');
const CONFIG = JSON.parse(readFileSync(join(import.meta.dirname, 'config.json'), 'utf8'));
const TIME = '/usr/bin/time';

function parseArgs(argv) {
  const options = { corpus: process.env.RAMPART_BENCH_CORPUS ?? null, runs: CONFIG.runs, parser: null, json: null };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const next = () => {
      const value = argv[index + 1];
      if (value === undefined) usage(`${arg} needs a value`);
      index += 1;
      return value;
    };
    if (arg === '--runs') options.runs = Number(next());
    else if (arg === '--parser') options.parser = next();
    else if (arg === '--json') options.json = next();
    else if (arg === '--help' || arg === '-h') usage(null);
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else options.corpus = arg;
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) usage('--runs needs a positive whole number');
  options.corpus ??= CONFIG.corpus.defaultDirectory;
  return options;
}

function usage(problem) {
  if (problem !== null) process.stderr.write(`bench: ${problem}\n`);
  process.stdout.write(readFileSync(import.meta.filename, 'utf8').split('*/')[0].replace(/^#!.*\n\/\*\*\n/, '').replace(/^ \* ?/gm, ''));
  process.exit(problem === null ? 0 : 2);
}

function corpusHelp(directory) {
  const { repository, commit } = CONFIG.corpus;
  return [
    `bench: no corpus at ${directory}/${CONFIG.corpus.scanned}.`,
    `Get ${repository} at ${commit} outside this repository, for example:`,
    `  git clone https://github.com/typeorm/typeorm.git /tmp/typeorm-mirror   # or any local mirror`,
    `  mkdir -p ${directory} && git -C /tmp/typeorm-mirror archive ${commit} | tar -x -C ${directory}`,
    `then run: node bench/speed/run.mjs ${directory}`,
  ].join('\n');
}

const hasGnuTime = existsSync(TIME) && spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' }).status === 0;

/** Runs a Node script once; returns wall seconds, peak RSS in MiB (null when unknown), exit status and stderr. */
function measure(command, args, cwd) {
  const argv = hasGnuTime ? [TIME, ['-v', command, ...args]] : [command, ['--import', join(import.meta.dirname, 'rss-hook.mjs'), ...args]];
  const started = performance.now();
  const child = spawnSync(argv[0], argv[1], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const stderr = child.stderr ?? '';
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const rssMiB = match === null ? null : Number(match[1]) / 1024;
  const exit = hasGnuTime ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? child.status) : child.status;
  return { seconds, rssMiB, exit, stderr, error: child.error };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function toolRuns(label, command, args, cwd, okExits, runs, countFiles) {
  process.stderr.write(`bench: ${label}: warm-up`);
  const warm = measure(command, args, cwd);
  if (warm.error !== undefined || !okExits.includes(warm.exit)) {
    process.stderr.write(`\nbench: ${label} failed (exit ${warm.exit}):\n${warm.stderr.slice(-4000)}\n`);
    process.exit(2);
  }
  const files = countFiles();
  const samples = [];
  for (let run = 1; run <= runs; run += 1) {
    process.stderr.write(`, run ${run}`);
    const sample = measure(command, args, cwd);
    if (!okExits.includes(sample.exit)) {
      process.stderr.write(`\nbench: ${label} failed on run ${run} (exit ${sample.exit}):\n${sample.stderr.slice(-4000)}\n`);
      process.exit(2);
    }
    samples.push(sample);
  }
  process.stderr.write('\n');
  const rss = samples.map((sample) => sample.rssMiB).filter((value) => value !== null);
  return {
    label,
    files,
    medianSeconds: median(samples.map((sample) => sample.seconds)),
    seconds: samples.map((sample) => sample.seconds),
    peakRssMiB: rss.length === samples.length ? Math.max(...rss) : null,
  };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const corpus = resolve(options.corpus);
  const target = join(corpus, CONFIG.corpus.scanned);
  if (!existsSync(target)) {
    process.stderr.write(`${corpusHelp(corpus)}\n`);
    process.exit(2);
  }
  if (!existsSync(join(REPO, 'dist/src/cli/main.js'))) {
    process.stderr.write('bench: rampart is not built; run `npm run build` first\n');
    process.exit(2);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'rampart-bench-'));
  const eslintOut = join(scratch, 'eslint.json');
  const rampartOut = join(scratch, 'rampart.json');
  try {
    const eslint = toolRuns(
      'eslint + eslint-plugin-security',
      process.execPath,
      [join(REPO, 'node_modules/eslint/bin/eslint.js'), '--config', join(import.meta.dirname, 'eslint.config.mjs'), '--no-warn-ignored', '--format', 'json', '--output-file', eslintOut, CONFIG.corpus.scanned],
      corpus,
      [0, 1],
      options.runs,
      () => {
        const results = JSON.parse(readFileSync(eslintOut, 'utf8'));
        const fatal = results.filter((result) => result.messages.some((message) => message.fatal === true));
        return { count: results.length, failedToParse: fatal.length, messages: results.reduce((sum, result) => sum + result.messages.length, 0) };
      },
    );
    // --all: every rule, the low-precision tier included (the CLI's default runs the recommended set only).
    const rampartArgs = [join(REPO, 'bin/rampart.js'), CONFIG.corpus.scanned, '--all', '--format', `json=${rampartOut}`, '--quiet'];
    if (options.parser !== null) rampartArgs.push('--parser', options.parser);
    const rampart = toolRuns('rampart (all rules)', process.execPath, rampartArgs, corpus, [0, 1], options.runs, () => {
      const report = JSON.parse(readFileSync(rampartOut, 'utf8'));
      const failed = report.problems.filter((problem) => problem.kind === 'parse-failed').length;
      return { count: report.summary.filesScanned + failed, failedToParse: failed, messages: report.findings.length };
    });
    const ratio = rampart.medianSeconds / eslint.medianSeconds;
    const result = {
      corpus: { ...CONFIG.corpus, directory: corpus },
      node: process.version,
      cpus: availableParallelism(),
      runs: options.runs,
      rssSource: hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
      eslint,
      rampart,
      ratio,
      limits: CONFIG.limits,
    };
    printTable(result);
    if (options.json !== null) writeFileSync(resolve(options.json), `${JSON.stringify(result, null, 2)}\n`);
    if (eslint.files.count !== rampart.files.count) {
      process.stderr.write(`bench: the tools scanned different file sets (eslint ${eslint.files.count}, rampart ${rampart.files.count}); not comparable\n`);
      process.exit(2);
    }
    const slow = ratio > CONFIG.limits.maxRatio;
    const heavy = rampart.peakRssMiB !== null && rampart.peakRssMiB > CONFIG.limits.maxRssMiB;
    if (slow) process.stderr.write(`bench: FAIL ratio ${ratio.toFixed(2)} is above ${CONFIG.limits.maxRatio}\n`);
    if (heavy) process.stderr.write(`bench: FAIL peak RSS ${rampart.peakRssMiB.toFixed(0)} MiB is above ${CONFIG.limits.maxRssMiB} MiB\n`);
    process.exit(slow || heavy ? 1 : 0);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function printTable(result) {
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const lines = [
    `corpus: ${result.corpus.repository} @ ${result.corpus.commit} (${result.corpus.scanned}/), node ${result.node}, ${result.cpus} cpus, ${result.runs} runs after a warm-up`,
    '',
    row(['tool', 'files', 'parse failures', 'messages', 'median wall (s)', 'runs (s)', 'peak RSS (MiB)']),
    row(['---', '---:', '---:', '---:', '---:', '---', '---:']),
  ];
  for (const tool of [result.eslint, result.rampart]) {
    lines.push(
      row([
        tool.label,
        String(tool.files.count),
        String(tool.files.failedToParse),
        String(tool.files.messages),
        tool.medianSeconds.toFixed(2),
        tool.seconds.map((seconds) => seconds.toFixed(2)).join(', '),
        tool.peakRssMiB === null ? 'unknown' : tool.peakRssMiB.toFixed(0),
      ]),
    );
  }
  lines.push('', `ratio rampart/eslint: ${result.ratio.toFixed(2)} (limit ${result.limits.maxRatio}); rampart peak RSS limit ${result.limits.maxRssMiB} MiB`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
