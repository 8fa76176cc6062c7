// Summarizes one `conformance server ... -o DIR` run and checks it against an optional
// expected-failures baseline, with the same rules as the conformance CLI's --expected-failures:
//
//   - a scenario fails when any of its checks is FAILURE or WARNING;
//   - a baseline entry is `scenario` (the whole scenario is expected to fail) or
//     `scenario:check-id` (that check is expected to be FAILURE or WARNING);
//   - a failing scenario/check not in the baseline is an unexpected failure;
//   - a baseline entry that now passes is stale (the baseline must be updated).
//
// usage: node summarize.mjs --results DIR --label LABEL [--baseline FILE]
// Prints one summary line, details of anything unexpected, then a machine-readable line
//   COUNTS <scenarios> <ok> <expected> <unexpected> <stale> <checks-passed> <checks-failed>
// Exits 1 on an unexpected failure or a stale entry, 2 on a usage or input error.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function die(message) {
  console.error(`summarize: ${message}`);
  process.exit(2);
}

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i];
  const value = process.argv[i + 1];
  if (!key?.startsWith('--') || value === undefined) die(`bad arguments: ${process.argv.slice(2).join(' ')}`);
  args[key.slice(2)] = value;
}
if (!args.results || !args.label) die('--results and --label are required');

const FAILING = new Set(['FAILURE', 'WARNING']);
const SEVERITY = { FAILURE: 3, WARNING: 2, SUCCESS: 1, SKIPPED: 0 };

// Result directories are named server-<scenario>-<ISO timestamp with dashes>.
function scenarioOf(dir) {
  const match = /^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/.exec(dir);
  return match ? match[1] : undefined;
}

// Worst status per check id (INFO entries are informational and ignored).
function checkStatuses(checks) {
  const worst = new Map();
  for (const check of checks) {
    if (check.status === 'INFO') continue;
    const previous = worst.get(check.id);
    if (!previous || (SEVERITY[check.status] ?? 0) >= (SEVERITY[previous.status] ?? 0)) {
      worst.set(check.id, check);
    }
  }
  return worst;
}

function readBaseline(path) {
  if (!existsSync(path)) die(`baseline ${path} does not exist`);
  const entries = [];
  let inServer = false;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (/^\S/.test(line)) {
      inServer = /^server:\s*(\[\s*\])?\s*$/.test(line);
      continue;
    }
    const item = /^\s+-\s+(\S+)\s*$/.exec(line);
    if (inServer && item) entries.push(item[1]);
  }
  const scenarios = new Set();
  const checks = new Map();
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    if (colon === -1) {
      scenarios.add(entry);
    } else {
      const scenario = entry.slice(0, colon);
      if (!checks.has(scenario)) checks.set(scenario, new Set());
      checks.get(scenario).add(entry.slice(colon + 1));
    }
  }
  return { scenarios, checks };
}

if (!existsSync(args.results)) die(`results directory ${args.results} does not exist`);
const baseline = args.baseline ? readBaseline(args.baseline) : { scenarios: new Set(), checks: new Map() };

const runs = [];
for (const dir of readdirSync(args.results).sort()) {
  const scenario = scenarioOf(dir);
  const file = join(args.results, dir, 'checks.json');
  if (!scenario || !existsSync(file)) continue;
  let checks;
  try {
    checks = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    die(`cannot read ${file}: ${e.message}`);
  }
  runs.push({ scenario, all: checks, checks: checkStatuses(checks) });
}
if (runs.length === 0) die(`no scenario results under ${args.results}`);

let ok = 0;
let expected = 0;
let checksPassed = 0;
let checksFailed = 0;
const unexpected = [];
const stale = [];
for (const { scenario, all, checks } of runs) {
  const failing = [...checks.values()].filter((c) => FAILING.has(c.status));
  // Check counts as the CLI's own summary counts them: every SUCCESS and FAILURE entry.
  checksPassed += all.filter((c) => c.status === 'SUCCESS').length;
  checksFailed += all.filter((c) => c.status === 'FAILURE').length;
  const describe = (c) => `${scenario}:${c.id} ${c.status}: ${(c.errorMessage ?? '').split('\n')[0].slice(0, 300)}`;

  if (baseline.scenarios.has(scenario)) {
    if (failing.length > 0) expected++;
    else stale.push(scenario);
    continue;
  }
  const expectedChecks = baseline.checks.get(scenario) ?? new Set();
  const surprises = failing.filter((c) => !expectedChecks.has(c.id));
  const nowPassing = [...expectedChecks].filter((id) => checks.get(id)?.status === 'SUCCESS');
  unexpected.push(...surprises.map(describe));
  stale.push(...nowPassing.map((id) => `${scenario}:${id}`));
  if (surprises.length > 0 || nowPassing.length > 0) continue;
  if (failing.length > 0) expected++;
  else ok++;
}

const bad = new Set([...unexpected.map((u) => u.split(':')[0]), ...stale.map((s) => s.split(':')[0])]).size;
const parts = [`${runs.length} scenarios: ${ok} passed`];
if (args.baseline) parts.push(`${expected} expected failures (baseline)`);
parts.push(`${unexpected.length} unexpected failures`);
if (args.baseline) parts.push(`${stale.length} stale baseline entries`);
console.log(`${args.label}: ${parts.join(', ')}; checks: ${checksPassed} passed, ${checksFailed} failed`);
for (const u of unexpected) console.log(`  UNEXPECTED ${u}`);
for (const s of stale) console.log(`  STALE      ${s} now passes: remove it from ${args.baseline}`);
console.log(`COUNTS ${runs.length} ${ok} ${expected} ${bad} ${stale.length} ${checksPassed} ${checksFailed}`);
process.exit(unexpected.length > 0 || stale.length > 0 ? 1 : 0);
