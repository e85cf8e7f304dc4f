// Loaded with `node --import` when GNU time is missing: prints this process's peak RSS on exit so
// run.mjs can read it from stderr. process.resourceUsage().maxRSS is in kilobytes.
process.on('exit', () => {
  process.stderr.write(`\nMaximum resident set size (kbytes): ${process.resourceUsage().maxRSS}\n`);
});
