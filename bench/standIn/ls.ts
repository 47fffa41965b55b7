// Stand-in for `moor ls HOST… --json` while that command is a placeholder: the same layers the command will
// use (MoorContext, one HostLink per host, RemoteTmux, the tmux layer's list-panes), in a process of its own
// started from the built code. Run by Node's own type stripping, so it starts as fast as dist/cli/main.js.
import type * as ContextModule from "../../src/core/moorContext.js";
import type * as RemoteTmuxModule from "../../src/core/remoteTmux.js";
import type * as ListModule from "../../src/tmux/list.js";

const dist = new URL("../../dist/", import.meta.url);
const load = <T>(path: string): Promise<T> => import(new URL(path, dist).href) as Promise<T>;

const { MoorContext } = await load<typeof ContextModule>("core/moorContext.js");
const { RemoteTmux } = await load<typeof RemoteTmuxModule>("core/remoteTmux.js");
const { listPanesArgv, parsePaneList } = await load<typeof ListModule>("tmux/list.js");

// tmux -u: without a UTF-8 locale (an ssh login has none) tmux 3.3a prints the \x1f separator as "_".
const listArgv = (argv: string[]): string[] => (argv[1] === "-u" ? argv : ["tmux", "-u", ...argv.slice(1)]);
const env = process.env;
const context = new MoorContext({
  configDir: env.MOOR_CONFIG_DIR ?? "",
  knownHostsFile: env.MOOR_KNOWN_HOSTS,
  env,
  home: env.HOME,
});
const hosts = await Promise.all(
  process.argv.slice(2).map(async (host) => {
    try {
      const output = await new RemoteTmux(context.link(host)).run(listArgv(listPanesArgv()), { noServerIsEmpty: true });
      return { host, reachable: true, panes: parsePaneList(output, host) };
    } catch (error) {
      return { host, reachable: false, error: error instanceof Error ? error.message : String(error) };
    }
  }),
);
context.close();
process.exitCode = hosts.every((host) => host.reachable) ? 0 : 3;
process.stdout.write(`${JSON.stringify({ hosts })}\n`);
