import { Argument, Command } from "commander";
import { examples } from "../render/examples.js";
import { SHELLS, completionScript, type Shell } from "../completion/scripts.js";
import { completeWords } from "../completion/complete.js";
import { runsWithoutRuntime, type RuntimeHolder } from "../runtime.js";

// moor completion bash|zsh|fish: the script a shell loads to complete moor's words.
export function completionCommand(): Command {
  return runsWithoutRuntime(
    new Command("completion")
      .description("print a shell completion script: commands, options, host names and HOST:SESSION targets")
      .addArgument(new Argument("<shell>", "bash, zsh or fish").choices(SHELLS))
      .addHelpText(
        "after",
        `\nOr load it in each new shell: source <(moor completion bash) in ~/.bashrc, source <(moor completion zsh) in ~/.zshrc after compinit.\n${examples(
          [
            "moor completion bash > ~/.local/share/bash-completion/completions/moor",
            'moor completion zsh > "${fpath[1]}/_moor"',
            "moor completion fish > ~/.config/fish/completions/moor.fish",
          ],
        )}`,
      )
      .action((shell: Shell) => {
        process.stdout.write(completionScript(shell));
      }),
  );
}

// moor __complete -- WORD…: what the completion scripts call on each Tab (hidden from help).
export function completeCommand(runtime: RuntimeHolder, program: () => Command): Command {
  return runsWithoutRuntime(
    new Command("__complete")
      .description("answer a completion script: the candidates for the last WORD")
      .argument("[words...]")
      .addHelpText("after", examples(["moor __complete -- peek gpu1:", "moor __complete -- host rm ''"]))
      .action(async (words: string[], _options: unknown, command: Command) => {
        const lines = await completeWords(program(), words, { runtime, command, env: runtime.host.env });
        runtime.host.stdout.write(lines.map((line) => `${line}\n`).join(""));
      }),
  );
}
