import { describe, expect, it } from "vitest";
import { formatTestSummary, summarizeTestReport } from "../../support/summarizeTestReport.js";

describe("summarizeTestReport", () => {
  it("counts passed and failed tests from the report", () => {
    const report = { numPassedTests: 7, numFailedTests: 2, success: false };
    expect(formatTestSummary(summarizeTestReport(report, 1))).toBe("7 passed, 2 failed");
  });

  it("mentions skipped and todo tests only when there are some", () => {
    expect(formatTestSummary(summarizeTestReport({ numPassedTests: 3, success: true }, 0))).toBe("3 passed, 0 failed");
    const skipping = { numPassedTests: 3, numPendingTests: 1, numTodoTests: 1, success: true };
    expect(formatTestSummary(summarizeTestReport(skipping, 0))).toBe("3 passed, 0 failed, 2 skipped");
  });

  it("counts a missing report as one failure", () => {
    expect(summarizeTestReport(undefined, 0)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it("counts a file that failed without a failed test, such as an import error", () => {
    const report = {
      numPassedTests: 4,
      numFailedTests: 0,
      success: false,
      testResults: [
        { status: "passed", assertionResults: [{ status: "passed" }] },
        { status: "failed", assertionResults: [] },
      ],
    };
    expect(summarizeTestReport(report, 1).failed).toBe(1);
  });

  it("counts a failing run with a clean report (a global setup error) as one failure", () => {
    expect(summarizeTestReport({ numPassedTests: 0, numFailedTests: 0, success: true }, 1).failed).toBe(1);
  });
});
