// The shell side of `moor completion SHELL`: each script hands the words typed so far to the hidden
// `moor __complete -- WORD…`, which answers from commander's command tree (commands, options) and
// from the registry, ~/.ssh/config and the hosts (values), one candidate a line. A first line
// ":files" asks the shell to complete file names, ":nospace" to add no space after the candidate
// (a host in a target, "gpu1:", continues with the session).

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

// bash splits words at ':' (COMP_WORDBREAKS): the script joins "gpu1" ":" "fi" back into the target
// it asks about and strips what bash will not replace from each candidate.
const BASH = `# moor completion for bash. Load it from ~/.bashrc:  source <(moor completion bash)
_moor_complete() {
  local -a words=() reply=()
  local i w n cur strip line directive=""
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]-}
    n=\${#words[@]}
    if ((n > 0)) && [[ $w == ":" || \${words[n-1]} == *: ]]; then
      words[n-1]+=$w
    else
      words+=("$w")
    fi
  done
  cur=\${words[\${#words[@]}-1]-}
  strip=\${cur%"\${COMP_WORDS[COMP_CWORD]-}"}
  while IFS= read -r line; do
    case $line in
      :files) directive=files ;;
      :nospace) directive=nospace ;;
      *) reply+=("\${line#"$strip"}") ;;
    esac
  done < <(command moor __complete -- "\${words[@]}" 2>/dev/null)
  if [[ $directive == files ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "\${COMP_WORDS[COMP_CWORD]-}"))
    return 0
  fi
  [[ $directive == nospace ]] && compopt -o nospace 2>/dev/null
  COMPREPLY=("\${reply[@]}")
}
complete -F _moor_complete moor
`;

const ZSH = `#compdef moor
# moor completion for zsh. Load it from ~/.zshrc (after compinit):  source <(moor completion zsh)
# or save it as _moor in a folder of $fpath.
_moor() {
  local -a reply
  local line directive=""
  for line in "\${(@f)$(command moor __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}"; do
    case $line in
      :files) directive=files ;;
      :nospace) directive=nospace ;;
      '') ;;
      *) reply+=("$line") ;;
    esac
  done
  if [[ $directive == files ]]; then
    _files
  elif [[ $directive == nospace ]]; then
    compadd -S '' -- "\${reply[@]}"
  else
    compadd -- "\${reply[@]}"
  fi
}
if [[ \${funcstack[1]-} == _moor ]]; then
  _moor "$@"
else
  compdef _moor moor
fi
`;

// fish adds no space after a candidate that ends in ':' by itself.
const FISH = `# moor completion for fish. Load it:  moor completion fish > ~/.config/fish/completions/moor.fish
function __moor_complete
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    command moor __complete -- $words 2>/dev/null | while read -l line
        switch $line
            case :files
                __fish_complete_path (commandline -ct)
            case :nospace
            case '*'
                echo $line
        end
    end
end
complete -c moor -f -a '(__moor_complete)'
`;

export function completionScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell];
}
