// `zorgroute completion bash|zsh|fish`: a tab-completion script, made from a plain description of
// the command tree (cli/completion.ts reads it off the commander program, so a command added later
// is completed without more work). Every script does the same: walk the words before the cursor to
// find the command (options and their values skipped), then offer the values of an option with a
// fixed set of them, the options, the subcommands, the values of a fixed argument, or file names.
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletionOption {
  /** `-h`, `--help` */
  names: string[];
  takesValue: boolean;
  /** The fixed values (`--lang`: nl, en), or null for a free value (a file, a date, …). */
  values: readonly string[] | null;
  description: string;
}

export interface CompletionCommand {
  /** The words after `zorgroute` that name it: [] for the program, ['cases', 'due']. */
  path: string[];
  description: string;
  options: CompletionOption[];
  commands: CompletionCommand[];
  /** Positional arguments: their fixed values (`help`: the commands beside it), or null for files; undefined without arguments. */
  argumentValues?: readonly string[] | null;
}

const key = (c: CompletionCommand): string => c.path.join(' ');

function everyCommand(root: CompletionCommand): CompletionCommand[] {
  return [root, ...root.commands.flatMap(everyCommand)];
}

/** A description for a menu: the first clause, at most 70 characters. */
function short(text: string): string {
  const first = text.split(/[:;]\s|\s\(/)[0]!.trim();
  return first.length <= 70 ? first : `${first.slice(0, 69).trimEnd()}…`;
}

/** 'text' for sh and zsh: a single quote inside becomes '\''. */
const shQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
/** 'text' for fish: backslash and single quote escaped. */
const fishQuote = (text: string): string => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
/** A value as the user types it at the prompt (`;` must be quoted there). */
const typed = (value: string): string => (/^[\w.,:@%+=/-]+$/.test(value) ? value : `\\${value}`);

const longNames = (c: CompletionCommand): string[] => c.options.flatMap((o) => o.names);
const valued = (c: CompletionCommand): string[] => c.options.filter((o) => o.takesValue).flatMap((o) => o.names);

function bashScript(root: CompletionCommand): string {
  const all = everyCommand(root);
  const cases: string[] = [];
  const words = (kind: string, c: CompletionCommand, list: readonly string[]): void => {
    if (list.length > 0) cases.push(`    ${shQuote(`${kind}|${key(c)}`)}) printf '%s\\n' ${list.map((w) => shQuote(w)).join(' ')} ;;`);
  };
  for (const c of all) {
    words('commands', c, c.commands.map((s) => s.path.at(-1)!));
    words('options', c, longNames(c));
    words('valued', c, valued(c));
    if (c.argumentValues) words('args', c, c.argumentValues.map(typed));
    for (const o of c.options) if (o.values) for (const name of o.names) words(`values ${name}`, c, o.values.map(typed));
  }
  return `# zorgroute: tab completion for bash, made by \`zorgroute completion bash\`.
# Load it in ~/.bashrc with: source <(zorgroute completion bash)

# _zorgroute_words KIND PATH: the words of KIND (commands, options, valued, args, values OPTION) for the command PATH.
_zorgroute_words() {
  case "$1|$2" in
${cases.join('\n')}
  esac
}

# _zorgroute_has WORD KIND PATH: whether WORD is one of those words.
_zorgroute_has() {
  local w
  while IFS= read -r w; do [[ "$w" == "$1" ]] && return 0; done < <(_zorgroute_words "$2" "$3")
  return 1
}

_zorgroute() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" option="" path="" word w i skip=0
  COMPREPLY=()
  # the command so far: its words, with the options and their values left out
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      --*=* | =) continue ;;
      -*) _zorgroute_has "$word" valued "$path" && skip=1; continue ;;
    esac
    _zorgroute_has "$word" commands "$path" && path="\${path:+$path }$word"
  done
  ((COMP_CWORD >= 1)) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # --lang <TAB>, --lang=<TAB> (bash splits at the =)
  if [[ "$cur" == "=" ]]; then
    option="$prev"; cur=""
  elif [[ "$prev" == "=" ]] && ((COMP_CWORD >= 2)); then
    option="\${COMP_WORDS[COMP_CWORD-2]}"
  elif [[ "$prev" == -* ]] && _zorgroute_has "$prev" valued "$path"; then
    option="$prev"
  fi
  local kind
  if [[ -n "$option" ]]; then
    kind="values $option" # nothing for a free value: then bash offers file names
  elif [[ "$cur" == -* ]]; then
    kind=options
  elif [[ -n "$(_zorgroute_words commands "$path")" ]]; then
    kind=commands
  else
    kind=args
  fi
  while IFS= read -r w; do
    [[ -n "$w" && "$w" == "$cur"* ]] && COMPREPLY+=("$w")
  done < <(_zorgroute_words "$kind" "$path")
  return 0
}

complete -o default -F _zorgroute zorgroute
`;
}

function zshScript(root: CompletionCommand): string {
  const all = everyCommand(root);
  const cases: string[] = [];
  const entries = (kind: string, c: CompletionCommand, list: readonly string[]): void => {
    if (list.length > 0) cases.push(`    ${shQuote(`${kind}|${key(c)}`)}) reply=(${list.map((w) => shQuote(w)).join(' ')}) ;;`);
  };
  const described = (name: string, description: string): string => `${name.replace(/:/g, '\\:')}:${short(description)}`;
  for (const c of all) {
    entries('names', c, c.commands.map((s) => s.path.at(-1)!));
    entries('commands', c, c.commands.map((s) => described(s.path.at(-1)!, s.description)));
    entries('options', c, c.options.flatMap((o) => o.names.map((n) => described(n, o.description))));
    entries('valued', c, valued(c));
    if (c.argumentValues) entries('args', c, c.argumentValues.map((v) => v.replace(/:/g, '\\:')));
    for (const o of c.options) if (o.values) for (const name of o.names) entries(`values ${name}`, c, o.values.map((v) => v.replace(/:/g, '\\:')));
  }
  return `#compdef zorgroute
# zorgroute: tab completion for zsh, made by \`zorgroute completion zsh\`.
# Save it as _zorgroute in a folder of $fpath, or load it with: source <(zorgroute completion zsh)

# _zorgroute_words KIND PATH: sets reply to the words of KIND for the command PATH.
_zorgroute_words() {
  reply=()
  case "$1|$2" in
${cases.join('\n')}
  esac
}

_zorgroute() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" option="" path="" word i skip=0
  local -a reply
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      --*=*) continue ;;
      -*) _zorgroute_words valued "$path"; ((\${reply[(Ie)$word]})) && skip=1; continue ;;
    esac
    _zorgroute_words names "$path"
    ((\${reply[(Ie)$word]})) && path="\${path:+$path }$word"
  done
  if [[ "$cur" == --*=* ]]; then
    option="\${cur%%=*}"
    compset -P '*='
  elif [[ "$prev" == -* ]]; then
    _zorgroute_words valued "$path"
    ((\${reply[(Ie)$prev]})) && option="$prev"
  fi
  if [[ -n "$option" ]]; then
    _zorgroute_words "values $option" "$path"
    if ((\${#reply})); then compadd -a reply; else _files; fi
  elif [[ "$cur" == -* ]]; then
    _zorgroute_words options "$path"
    _describe -t options option reply
  else
    _zorgroute_words commands "$path"
    if ((\${#reply})); then
      _describe -t commands command reply
    else
      _zorgroute_words args "$path"
      if ((\${#reply})); then compadd -a reply; else _files; fi
    fi
  fi
}

if [[ "$funcstack[1]" == _zorgroute ]]; then
  _zorgroute "$@"
else
  compdef _zorgroute zorgroute
fi
`;
}

function fishScript(root: CompletionCommand): string {
  const all = everyCommand(root);
  const commandPairs = all.flatMap((c) => c.commands.map((s) => fishQuote(`${key(c)}|${s.path.at(-1)!}`)));
  const valuedPairs = all.flatMap((c) => valued(c).map((n) => fishQuote(`${key(c)}|${n}`)));
  const lines: string[] = [];
  for (const c of all) {
    const when = `-n ${fishQuote(`__zorgroute_is ${shQuote(key(c))}`)}`;
    for (const s of c.commands) lines.push(`complete -c zorgroute ${when} -a ${fishQuote(s.path.at(-1)!)} -d ${fishQuote(short(s.description))}`);
    for (const o of c.options) {
      const names = o.names.map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
      const value = !o.takesValue ? '' : o.values ? ` -x -a ${fishQuote(o.values.join(' '))}` : ' -r -F';
      lines.push(`complete -c zorgroute ${when} ${names}${value} -d ${fishQuote(short(o.description))}`);
    }
    if (c.argumentValues) lines.push(`complete -c zorgroute ${when} -a ${fishQuote(c.argumentValues.join(' '))}`);
    else if (c.argumentValues === null) lines.push(`complete -c zorgroute ${when} -F`);
  }
  return `# zorgroute: tab completion for fish, made by \`zorgroute completion fish\`.
# Save it as ~/.config/fish/completions/zorgroute.fish

set -g __zorgroute_commands ${commandPairs.join(' ')}
set -g __zorgroute_valued ${valuedPairs.join(' ')}

# The command so far: the words after zorgroute, with the options and their values left out.
function __zorgroute_path
    set -l path ''
    set -l skip 0
    for word in (commandline -opc)[2..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $word
            case '--*=*'
                continue
            case '-*'
                contains -- "$path|$word" $__zorgroute_valued; and set skip 1
                continue
        end
        contains -- "$path|$word" $__zorgroute_commands; and set path (string trim -- "$path $word")
    end
    echo $path
end

function __zorgroute_is
    set -l path (__zorgroute_path)
    test "$path" = "$argv[1]"
end

complete -c zorgroute -f
${lines.join('\n')}
`;
}

export function completionScript(shell: Shell, root: CompletionCommand): string {
  switch (shell) {
    case 'bash':
      return bashScript(root);
    case 'zsh':
      return zshScript(root);
    case 'fish':
      return fishScript(root);
  }
}
