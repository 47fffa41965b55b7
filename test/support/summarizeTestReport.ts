import { readFileSync } from "node:fs";

// The parts of vitest's JSON report (reporters: ["json"]) that decide CI's verdict.
export interface VitestJsonReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  success?: boolean;
  testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
}

export interface TestSummary {
  passed: number;
  failed: number;
  skipped: number;
}

// CI's verdict; a missing report, a file that died before its tests ran, or a failing exit all count as failures.
export function summarizeTestReport(report: VitestJsonReport | undefined, testExitCode: number): TestSummary {
  if (report === undefined) return { passed: 0, failed: 1, skipped: 0 };
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed").length;
    if (file.status === "failed" && failedTests === 0) failed += 1;
  }
  if (failed === 0 && (report.success === false || testExitCode !== 0)) failed = 1;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return { passed: report.numPassedTests ?? 0, failed, skipped };
}

// The one line CI reads: "N passed, N failed", with ", N skipped" only when something was skipped.
export function formatTestSummary({ passed, failed, skipped }: TestSummary): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

function readReport(path: string): VitestJsonReport | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as VitestJsonReport;
  } catch (error) {
    console.error(`no usable test report at ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

// `node test/support/summarizeTestReport.ts REPORT_JSON TEST_EXIT_CODE`, run by .ci/run after `npm test`.
if (import.meta.main) {
  const [path = "test-results.json", exitCode = "0"] = process.argv.slice(2);
  const summary = summarizeTestReport(readReport(path), Number(exitCode));
  console.log(formatTestSummary(summary));
  process.exitCode = summary.failed > 0 ? 1 : 0;
}
