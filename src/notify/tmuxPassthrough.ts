import { execFile } from "node:child_process";

// Whether the tmux moor runs in passes wrapped escape sequences on (tmux 3.3 added allow-passthrough, off by
// default; older releases always pass them). Undefined outside tmux.
export function tmuxPassthrough(env: NodeJS.ProcessEnv): Promise<boolean | undefined> {
  if (!env.TMUX) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(
      "tmux",
      ["show-options", "-gwv", "allow-passthrough"],
      { env, timeout: 2_000, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) return resolve(/invalid option|unknown option/i.test(stderr) ? true : undefined);
        resolve(stdout.trim() !== "off");
      },
    );
  });
}
