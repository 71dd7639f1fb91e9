// The completion scripts: each asks `skaha-tui __complete WORDS…` for the candidates, so the logic lives in one place.

/** The shells `skaha-tui completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** A supported shell. */
export type Shell = (typeof SHELLS)[number];

/** The line `__complete` prints when the shell should complete a file path instead. */
export const FILES_DIRECTIVE = '@files';

const BASH = `# skaha-tui completion for bash (skaha-tui completion --help says how to install it)
_skaha_tui() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out line
  out=$(skaha-tui __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ "$out" == "${FILES_DIRECTIVE}" ]]; then
    local IFS=$'\\n'
    COMPREPLY=($(compgen -f -- "$cur"))
    return 0
  fi
  while IFS= read -r line; do
    [[ -n "$line" ]] && COMPREPLY+=("\${line%%$'\\t'*}")
  done <<< "$out"
}
complete -F _skaha_tui skaha-tui
`;

const ZSH = `#compdef skaha-tui
# skaha-tui completion for zsh (skaha-tui completion --help says how to install it)
_skaha_tui() {
  local out line value
  local -a candidates
  out=$(skaha-tui __complete "\${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
  if [[ "$out" == "${FILES_DIRECTIVE}" ]]; then
    _files
    return
  fi
  for line in "\${(@f)out}"; do
    [[ -z "$line" ]] && continue
    value="\${line%%$'\\t'*}"
    value="\${value//:/\\\\:}"
    if [[ "$line" == *$'\\t'* ]]; then candidates+=("$value:\${line#*$'\\t'}"); else candidates+=("$value"); fi
  done
  _describe 'skaha-tui' candidates
}
if [[ "\${funcstack[1]}" == "_skaha_tui" ]]; then _skaha_tui "$@"; else compdef _skaha_tui skaha-tui; fi
`;

const FISH = `# skaha-tui completion for fish (skaha-tui completion --help says how to install it)
function __skaha_tui_complete
    set -l words (commandline -opc)
    set -l out (skaha-tui __complete $words[2..-1] (commandline -ct) 2>/dev/null)
    if test "$out" = "${FILES_DIRECTIVE}"
        __fish_complete_path (commandline -ct)
        return
    end
    printf '%s\\n' $out
end
complete -c skaha-tui -f -a '(__skaha_tui_complete)'
`;

/** The completion script for a shell. */
export function completionScript(shell: Shell): string {
  return shell === 'bash' ? BASH : shell === 'zsh' ? ZSH : FISH;
}

/** `skaha-tui completion --help`: what it does and how to install it in each shell. */
export const COMPLETION_USAGE = `Usage: skaha-tui completion bash|zsh|fish

Prints a script that completes skaha-tui's commands, options, session kinds, and the ids of your
sessions (from the running daemon's cache; a session's name completes to its id).

Install it once:
  bash  skaha-tui completion bash > ~/.local/share/bash-completion/completions/skaha-tui
        (or add  source <(skaha-tui completion bash)  to ~/.bashrc)
  zsh   skaha-tui completion zsh > "\${fpath[1]}/_skaha-tui"   then start a new shell
        (or add  source <(skaha-tui completion zsh)  to ~/.zshrc, after compinit)
  fish  skaha-tui completion fish > ~/.config/fish/completions/skaha-tui.fish
`;
