// Fallback peak-RSS probe when /usr/bin/time is missing: loaded with --import, it writes the
// process's own max RSS (kB) to $QBANK_BENCH_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs';

const out = process.env.QBANK_BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, `Maximum resident set size (kbytes): ${process.resourceUsage().maxRSS}\n`));
