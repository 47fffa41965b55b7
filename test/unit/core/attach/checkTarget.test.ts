import { describe, expect, it } from "vitest";
import { checkTarget } from "../../../../src/core/attach/checkTarget.js";
import { ExitCode } from "../../../../src/errors.js";
import { HostLink } from "../../../../src/link/hostLink.js";
import { FakeSession } from "../../fakes/fakeSession.js";

const retryForever = { retries: Number.POSITIVE_INFINITY, minDelayMs: 1, maxDelayMs: 2, factor: 1 };
const refused = (): Error => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

function linkAnswering(code: number, stderr = ""): { link: HostLink; session: FakeSession } {
  const session = new FakeSession(() => ({ code, stderr: Buffer.from(stderr) }));
  return {
    session,
    link: new HostLink({ label: "box", retry: retryForever, connect: () => Promise.resolve(session) }),
  };
}

describe("checkTarget", () => {
  it("asks tmux for the exact session, or window, before attaching", async () => {
    const { link, session } = linkAnswering(0);
    await expect(checkTarget(link, { host: "box", session: "s1", window: "w2" }, "box:s1:w2")).resolves.toBe(true);
    expect(session.commands).toEqual(["tmux -u has-session -t '=s1:=w2'"]);
    link.close();
  });

  it("says a missing session is not found (exit 5)", async () => {
    const { link } = linkAnswering(1, "can't find session: s1\n");
    await expect(checkTarget(link, { host: "box", session: "s1" }, "box:s1")).rejects.toMatchObject({
      exitCode: ExitCode.notFound,
    });
    link.close();
  });

  it("gives up with exit 3 on a host it never reached, though the link itself would retry forever", async () => {
    const link = new HostLink({ label: "box", retry: retryForever, connect: () => Promise.reject(refused()) });
    await expect(checkTarget(link, { host: "box", session: "s1" }, "box:s1")).rejects.toMatchObject({
      exitCode: ExitCode.unreachable,
      message: "box unreachable: connection refused",
    });
    link.close();
  });

  it("stops waiting when the signal fires", async () => {
    const link = new HostLink({ label: "box", retry: retryForever, connect: () => new Promise(() => undefined) });
    const controller = new AbortController();
    const checking = checkTarget(link, { host: "box", session: "s1" }, "box:s1", controller.signal);
    controller.abort();
    await expect(checking).resolves.toBe(false);
    link.close();
  });
});
