import type { AuthenticationType, AuthHandlerMiddleware, NextAuthHandler } from "ssh2";
import { MoorError, authError } from "../errors.js";
import { defaultIdentityFiles, loadPrivateKey } from "./identities.js";
import type { KeyCache } from "./keyCache.js";

export interface AuthPlanInput {
  label: string;
  user: string;
  agentSocket?: string;
  identityFiles: string[];
  home: string;
  askPassphrase?: (keyFile: string) => Promise<string | undefined>;
  /** Shares loaded keys (and their one passphrase prompt) across the run's connections. */
  keyCache?: KeyCache;
}

export interface AuthPlan {
  handler: AuthHandlerMiddleware;
  /** The method in use when authentication succeeded: "agent" or "publickey FILE". */
  lastMethod(): string;
  /** Why every method failed, as the one error to report. */
  failure(): MoorError;
}

// The order OpenSSH uses: the agent's keys, then the host's identity files (or the default keys).
export function makeAuthPlan(input: AuthPlanInput): AuthPlan {
  const steps: (() => Promise<Parameters<NextAuthHandler>[0] | undefined>)[] = [];
  const tried: string[] = [];
  let keyError: MoorError | undefined;
  let last = "none";

  if (input.agentSocket) {
    steps.push(() => {
      last = "agent";
      tried.push("ssh-agent");
      return Promise.resolve({ type: "agent", username: input.user, agent: input.agentSocket ?? "" });
    });
  }
  const files = input.identityFiles.length > 0 ? input.identityFiles : defaultIdentityFiles(input.home);
  for (const file of files) {
    steps.push(async () => {
      try {
        const key = await (input.keyCache
          ? input.keyCache.load(file, input.askPassphrase)
          : loadPrivateKey(file, input.askPassphrase));
        last = `publickey ${file}`;
        tried.push(file);
        return {
          type: "publickey",
          username: input.user,
          key: key.privateKey,
          ...(key.passphrase ? { passphrase: key.passphrase } : {}),
        };
      } catch (error) {
        if (error instanceof MoorError) keyError ??= error;
        return undefined;
      }
    });
  }

  let index = 0;
  const handler: AuthHandlerMiddleware = (
    _methodsLeft: AuthenticationType[],
    _partial: boolean,
    next: NextAuthHandler,
  ) => {
    const advance = async (): Promise<void> => {
      while (index < steps.length) {
        const step = steps[index++];
        const auth = step ? await step() : undefined;
        if (auth) return next(auth);
      }
      next(false as unknown as Parameters<NextAuthHandler>[0]);
    };
    void advance();
  };

  return {
    handler,
    lastMethod: () => last,
    failure: () =>
      keyError && tried.length === 0
        ? keyError
        : authError(`authentication failed for ${input.user}@${input.label}: tried ${tried.join(", ") || "no key"}`, {
            hint: keyError
              ? keyError.message
              : `check the user name and that your public key is in ~/.ssh/authorized_keys on ${input.label} (or load it with ssh-add)`,
          }),
  };
}
