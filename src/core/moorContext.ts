import { homedir, userInfo } from "node:os";
import { join } from "node:path";
import { HostStore, defaultConfigDir } from "../config/hostStore.js";
import { SettingsStore } from "../config/settings.js";
import type { HostLink } from "../link/hostLink.js";
import { ONE_SHOT_READY_TIMEOUT_MS, ONE_SHOT_RETRY, type LinkState, type RetryPolicy } from "../link/linkState.js";
import type { RemoteExec } from "../link/remoteExec.js";
import { sshHostLink } from "../link/sshHostLink.js";
import type { ConnectSpec } from "../link/types.js";
import { readSshConfig, resolveHost } from "./hostResolver.js";
import { RemoteTmux } from "./remoteTmux.js";
import type { ScreenMemory } from "./overview/screenMemory.js";
import { readUserAgentRules } from "../config/agentRulesFile.js";
import { agentRules, DEFAULT_IDLE_SECONDS, type AgentRules } from "../state/index.js";

export interface MoorContextOptions {
  /** Where the host registry lives; MOOR_CONFIG_DIR or the XDG config home when absent. */
  configDir?: string;
  knownHostsFile?: string;
  env: NodeJS.ProcessEnv;
  home?: string;
  askPassphrase?: (keyFile: string) => Promise<string | undefined>;
  onProgress?: (message: string) => void;
  /** Where a host's link comes from: a real ssh connection unless a test gives a fake. */
  makeLink?: (name: string, options: LinkOptions) => HostLink;
  /** Who runs one-shot commands on a host instead of its own link (the background holder); undefined: the link. */
  remoteFor?: (name: string, options: LinkOptions, direct: () => HostLink) => RemoteExec | undefined;
  /** Screens of a host kept across commands (the holder's), so ls captures only what changed; absent: none kept. */
  screenMemory?: (name: string) => ScreenMemory | undefined;
  /** The link state of a host one-shot commands use, as it changes (the CLI says "link down, retrying…"). */
  onLinkState?: (name: string, state: LinkState) => void;
}

export interface LinkOptions {
  reconnect?: boolean;
  retry?: RetryPolicy;
  acceptNew?: boolean;
  readyTimeoutMs?: number;
}

// Everything a command needs from the outside world, built once per run: the registry, host
// resolution, one HostLink per host and one RemoteTmux per host. Every use case takes this context and its target;
// commands get links and tmux from here and never build connections.
export class MoorContext {
  readonly home: string;
  readonly knownHostsFile: string;
  readonly #options: MoorContextOptions;
  readonly #links = new Map<string, HostLink>();
  readonly #remotes = new Map<string, RemoteExec>();
  readonly #tmux = new Map<string, RemoteTmux>();
  #store: HostStore | undefined;
  #settings: SettingsStore | undefined;
  #rules: AgentRules | undefined;

  constructor(options: MoorContextOptions) {
    this.#options = options;
    this.home = options.home ?? homedir();
    this.knownHostsFile = options.knownHostsFile ?? join(this.home, ".ssh", "known_hosts");
  }

  /** The screens kept of a host across commands, when this process keeps them (the holder). */
  screenMemory(name: string): ScreenMemory | undefined {
    return this.#options.screenMemory?.(name);
  }

  /** The environment the run sees (the process's, or a served client's). */
  get env(): NodeJS.ProcessEnv {
    return this.#options.env;
  }

  get configDir(): string {
    return this.#options.configDir ?? defaultConfigDir(this.#options.env);
  }

  get store(): HostStore {
    this.#store ??= new HostStore(this.configDir);
    return this.#store;
  }

  /** moor's settings and mute list, beside the host registry. */
  get settings(): SettingsStore {
    this.#settings ??= new SettingsStore(this.configDir);
    return this.#settings;
  }

  /** The agent rules: moor's, with <config-dir>/agents.json merged in (a broken file is exit 2). */
  get rules(): AgentRules {
    this.#rules ??= agentRules(readUserAgentRules(this.configDir));
    return this.#rules;
  }

  /** Seconds of quiet before a program moor does not know is idle (moor config idle). */
  get idleSeconds(): number {
    return this.settings.read().idle ?? DEFAULT_IDLE_SECONDS;
  }

  resolve(name: string): ConnectSpec {
    return resolveHost(name, {
      store: this.store,
      home: this.home,
      localUser: this.localUser,
      sshConfigText: readSshConfig(this.home),
    });
  }

  /** The shared link to a host; the first caller's options decide how it behaves. Long-running commands
   *  (watch, attach, logs -f) hold it themselves; one-shot commands go through remote() or tmux(). */
  link(name: string, options: LinkOptions = {}): HostLink {
    const existing = this.#links.get(name);
    if (existing) return existing;
    const link = this.#options.makeLink
      ? this.#options.makeLink(name, options)
      : this.linkTo(this.resolve(name), options);
    this.#links.set(name, link);
    return link;
  }

  /** What runs a one-shot command's remote commands on a host: the holder when one serves it, else the link. */
  remote(name: string, options: LinkOptions = {}): RemoteExec {
    const existing = this.#remotes.get(name);
    if (existing) return existing;
    let reported: HostLink | undefined;
    const direct = (): HostLink => {
      const link = this.link(name, options);
      const onLinkState = this.#options.onLinkState;
      if (onLinkState && reported !== link) link.events.on("state", (state) => onLinkState(name, state));
      reported = link;
      return link;
    };
    const remote = this.#options.remoteFor?.(name, options, direct) ?? direct();
    this.#remotes.set(name, remote);
    return remote;
  }

  /** tmux on a host, over remote(): the one way use cases run tmux. */
  tmux(name: string, options: LinkOptions = {}): RemoteTmux {
    const existing = this.#tmux.get(name);
    if (existing) return existing;
    const tmux = new RemoteTmux(this.remote(name, options));
    this.#tmux.set(name, tmux);
    return tmux;
  }

  /** A link that is not shared or remembered (used to try a host before registering it). */
  linkTo(spec: ConnectSpec, options: LinkOptions = {}): HostLink {
    const env = this.#options.env;
    return sshHostLink(spec, {
      retry: options.retry ?? ONE_SHOT_RETRY,
      reconnect: options.reconnect ?? false,
      knownHostsFile: this.knownHostsFile,
      acceptNew: options.acceptNew ?? false,
      home: this.home,
      readyTimeoutMs: options.readyTimeoutMs ?? ONE_SHOT_READY_TIMEOUT_MS,
      ...(env.SSH_AUTH_SOCK ? { agentSocket: env.SSH_AUTH_SOCK } : {}),
      ...(this.#options.askPassphrase ? { askPassphrase: this.#options.askPassphrase } : {}),
      ...(this.#options.onProgress ? { onProgress: this.#options.onProgress } : {}),
    });
  }

  close(): void {
    for (const link of this.#links.values()) link.close();
    this.#links.clear();
    this.#remotes.clear();
    this.#tmux.clear();
  }

  get localUser(): string {
    const env = this.#options.env;
    return env.USER ?? env.LOGNAME ?? userInfo().username;
  }
}
