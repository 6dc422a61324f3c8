#!/usr/bin/env node
// `npm test`: type-check, unit tests (Vitest) and end-to-end tests (Playwright, headless Chromium),
// then one closing line "N passed, N failed" over every suite, which CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const outputDir = '.test-output';
rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// The type-check counts as one test: a type error is a failure like any other.
const typesOk = run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) &&
  run('typecheck core (no DOM, no Node)', 'npx', ['tsc', '-p', 'tsconfig.core.json', '--noEmit']);
totals[typesOk ? 'passed' : 'failed'] += 1;

const unitOk = run('unit tests', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outputDir}/vitest.json`,
]);
const unit = readJson(`${outputDir}/vitest.json`);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + unit.numTodoTests;
  if (!unitOk && unit.numFailedTests === 0) totals.failed += 1; // e.g. a file that failed to load
} else {
  totals.failed += 1;
}

const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
const e2e = readJson(`${outputDir}/playwright.json`);
if (e2e) {
  totals.passed += e2e.stats.expected + e2e.stats.flaky;
  totals.failed += e2e.stats.unexpected;
  totals.skipped += e2e.stats.skipped;
  if (!e2eOk && e2e.stats.unexpected === 0) totals.failed += 1; // e.g. the web server did not start
} else {
  totals.failed += 1;
}

const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed === 0 ? 0 : 1);
