// `leadctl completion bash|zsh|fish`: a completion script for the shell, generated
// at run time from the command definitions themselves (the CLI11 tree that run()
// builds), so that it cannot drift from them: every subcommand, its options (long
// and short names, whether they take a value), the values an option allows (its
// CLI11 IsMember set, e.g. --format's) and which arguments are files.
//
// This is about CLI11, so it lives in the command line, not in the core.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace leadctl::cli {

namespace {

/// What a value (of an option or a positional argument) is completed with.
enum class ValueKind {
    flag,   ///< the option takes no value
    text,   ///< anything: nothing to offer
    words,  ///< one of a fixed set (CLI11's IsMember)
    file,   ///< a file name
    dir,    ///< a folder name
};

/// Value names (the `type_name` that --help shows) that stand for files or folders;
/// any other name is free text. Only the leading capitals count: FILE.sssom.tsv
/// and PATH... are files. IN, OLD, NEW, FRAMEWORK and ARG name a framework or a
/// crosswalk by id or as a file: offering files is the help that can be given.
struct ValueNameKind {
    std::string_view name;
    ValueKind kind;
};
constexpr std::array<ValueNameKind, 9> kValueNames{{
    {"FILE", ValueKind::file},
    {"LOG", ValueKind::file},
    {"PATH", ValueKind::file},
    {"IN", ValueKind::file},
    {"OLD", ValueKind::file},
    {"NEW", ValueKind::file},
    {"FRAMEWORK", ValueKind::file},
    {"ARG", ValueKind::file},
    {"DIR", ValueKind::dir},
}};

/// The shells a script is written for, in the order help names them.
constexpr std::array<std::string_view, 3> kShells{"bash", "zsh", "fish"};

struct CompletionValue {
    ValueKind kind = ValueKind::text;
    std::vector<std::string> words;  ///< for ValueKind::words
    std::string name;                ///< as --help shows it (FILE, FORMAT)
};

struct CompletionOption {
    std::vector<std::string> names;  ///< "-o", "--output": short ones first, as --help shows them
    std::string help;
    CompletionValue value;
    bool repeatable = false;
};

struct CompletionPositional {
    std::string help;
    CompletionValue value;
    bool required = false;
    bool repeatable = false;
};

struct CompletionCommand {
    std::vector<std::string> path;  ///< {"leadctl", "evidence", "validate"}
    std::string help;
    std::vector<CompletionOption> options;  ///< its own, then those it passes up to its parents
    std::vector<CompletionPositional> positionals;
    std::vector<std::size_t> children;  ///< indices into the list of all commands
};

/// The values an option's IsMember validator allows. CLI11 keeps the set only
/// inside the validator (the help shows none: each is given an empty description),
/// so ask it about a value in no set and read the set from its answer,
/// "VALUE not in {a,b,c}". An inactive validator (checked by the command itself,
/// to say "did you mean") is asked too.
std::vector<std::string> allowed_values(CLI::Option& opt) {
    for (int i = 0;; ++i) {
        const CLI::Validator* v = nullptr;
        try {
            v = opt.get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            return {};
        }
        std::string probe = "\x01";
        std::string answer;
        try {
            answer = v->active(true)(probe);
        } catch (const CLI::Error&) {
            continue;
        }
        const auto at = answer.rfind(" not in {");
        if (at == std::string::npos || answer.back() != '}') continue;
        const auto set = std::string_view(answer).substr(at + 9, answer.size() - at - 10);
        std::vector<std::string> words;
        std::size_t start = 0;
        while (start <= set.size()) {
            const auto comma = std::min(set.find(',', start), set.size());
            if (comma > start) words.emplace_back(set.substr(start, comma - start));
            start = comma + 1;
        }
        return words;
    }
}

ValueKind kind_of_name(std::string_view type_name) {
    std::size_t n = 0;
    while (n < type_name.size() && std::isupper(static_cast<unsigned char>(type_name[n]))) ++n;
    const auto lead = type_name.substr(0, n);
    for (const auto& v : kValueNames) {
        if (v.name == lead) return v.kind;
    }
    return ValueKind::text;
}

CompletionValue value_of(CLI::Option& opt) {
    CompletionValue v;
    v.name = opt.get_type_name();
    if (opt.get_items_expected_max() == 0) {
        v.kind = ValueKind::flag;
        return v;
    }
    v.words = allowed_values(opt);
    v.kind = v.words.empty() ? kind_of_name(v.name) : ValueKind::words;
    return v;
}

bool visible(const CLI::App& app) {
    return !app.get_name().empty() && !app.get_group().empty();
}

/// Adds `app` and, after it, its subcommands (depth first) to `out`; returns its index.
std::size_t collect(CLI::App& app, std::vector<std::string> path, std::vector<CompletionCommand>& out) {
    const std::size_t index = out.size();
    out.emplace_back();
    CompletionCommand cmd;
    cmd.path = std::move(path);
    cmd.help = app.get_description();
    // Its own options, then those of the commands above that it passes on (fallthrough).
    std::vector<std::string> seen;
    for (CLI::App* a = &app; a != nullptr; a = a->get_fallthrough() ? a->get_parent() : nullptr) {
        for (CLI::Option* o : a->get_options()) {
            if (o->get_group().empty()) continue;  // hidden
            if (!o->nonpositional()) {
                if (a != &app) continue;
                const auto max = o->get_expected_max();
                cmd.positionals.push_back({o->get_description(), value_of(*o), o->get_required(), max > 1});
                continue;
            }
            CompletionOption c;
            for (const auto& s : o->get_snames()) c.names.push_back("-" + s);
            for (const auto& l : o->get_lnames()) c.names.push_back("--" + l);
            std::erase_if(c.names, [&](const std::string& n) { return std::ranges::count(seen, n) > 0; });
            if (c.names.empty()) continue;
            seen.insert(seen.end(), c.names.begin(), c.names.end());
            c.help = o->get_description();
            c.value = value_of(*o);
            c.repeatable = c.value.kind != ValueKind::flag && o->get_expected_max() > 1;
            cmd.options.push_back(std::move(c));
        }
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        if (!visible(*sub)) continue;
        auto sub_path = cmd.path;
        sub_path.push_back(sub->get_name());
        cmd.children.push_back(collect(*sub, std::move(sub_path), out));
    }
    out[index] = std::move(cmd);
    return index;
}

/// A word that every shell takes as it is, unquoted: option names, subcommand names
/// and allowed values are such words; anything else is left out of a script rather
/// than quoted wrongly.
bool plain_word(std::string_view w) {
    return !w.empty() && std::ranges::all_of(w, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("-_.:/+,@%").find(c) != std::string_view::npos;
    });
}

std::string joined(const std::vector<std::string>& words, std::string_view sep = " ") {
    std::string out;
    for (const auto& w : words) {
        if (!plain_word(w)) continue;
        if (!out.empty()) out += sep;
        out += w;
    }
    return out;
}

std::string path_of(const CompletionCommand& c, std::string_view sep = " ") {
    return joined(c.path, sep);
}

/// `s` in single quotes for sh, bash and zsh.
std::string sh_quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

std::vector<std::string> names_of_children(const CompletionCommand& c, const std::vector<CompletionCommand>& all) {
    std::vector<std::string> names;
    for (auto i : c.children) names.push_back(all[i].path.back());
    return names;
}

std::string_view kind_word(ValueKind k) {
    switch (k) {
        case ValueKind::flag:
            return "flag";
        case ValueKind::text:
            return "text";
        case ValueKind::words:
            return "words";
        case ValueKind::file:
            return "file";
        case ValueKind::dir:
            return "dir";
    }
    return "text";
}

/// What the positional arguments of a command are completed with: the first that
/// offers something (commands whose positionals differ in kind take ids or files).
CompletionValue positional_value(const CompletionCommand& c) {
    for (const auto& p : c.positionals) {
        if (p.value.kind != ValueKind::text) return p.value;
    }
    return {};
}

std::string header(std::string_view shell, std::string_view install) {
    return fmt::format(
        "# {0} completion for leadctl {1}, generated by `leadctl completion {0}` from leadctl's\n"
        "# command definitions: regenerate it rather than edit it. Install it with\n"
        "#   {2}\n",
        shell, version(), install);
}

std::string bash_script(const std::vector<CompletionCommand>& all) {
    std::string s = "# -*- shell-script -*-\n" +
                    header("bash", "leadctl completion bash > ~/.local/share/bash-completion/completions/leadctl") +
                    "\n";
    s += R"(# The command path $1 ("leadctl evidence add"): sets subs (its subcommands), opts
# (its options), args (what its arguments are: file, dir, words or text) and argwords.
__leadctl_command() {
    subs="" opts="" args=text argwords=""
    case $1 in
)";
    for (const auto& c : all) {
        std::vector<std::string> opts;
        for (const auto& o : c.options) opts.insert(opts.end(), o.names.begin(), o.names.end());
        const auto arg = positional_value(c);
        s += fmt::format("    \"{}\")\n        subs=\"{}\"\n        opts=\"{}\"\n", path_of(c),
                         joined(names_of_children(c, all)), joined(opts));
        if (arg.kind != ValueKind::text) s += fmt::format("        args={}\n", kind_word(arg.kind));
        if (!arg.words.empty()) s += fmt::format("        argwords=\"{}\"\n", joined(arg.words));
        s += "        ;;\n";
    }
    s += R"(    esac
}

# Option $2 of the command path $1: sets kind (flag, text, file, dir or words, or
# unknown) and words (the values it allows).
__leadctl_option() {
    kind=unknown words=""
    case "$1 $2" in
)";
    for (const auto& c : all) {
        for (const auto& o : c.options) {
            std::string patterns;
            for (const auto& n : o.names) {
                if (!plain_word(n)) continue;
                if (!patterns.empty()) patterns += " | ";
                patterns += fmt::format("\"{} {}\"", path_of(c), n);
            }
            if (patterns.empty()) continue;
            s += fmt::format("    {}) kind={}", patterns, kind_word(o.value.kind));
            if (!o.value.words.empty()) s += fmt::format(" words=\"{}\"", joined(o.value.words));
            s += " ;;\n";
        }
    }
    s += R"(    esac
}

# Sets COMPREPLY to the completions of $cur as a value of kind $1 (words: $2).
__leadctl_values() {
    local IFS=$'\n'
    case $1 in
    words) COMPREPLY=($(IFS=$' \t\n' compgen -W "$2" -- "$cur")) ;;
    file)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        ;;
    dir)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -d -- "$cur"))
        ;;
    *) COMPREPLY=() ;;
    esac
}

_leadctl() {
    local cur=${COMP_WORDS[COMP_CWORD]} cmd=leadctl valopt="" dashdash=0
    local w i kind words subs opts args argwords
    COMPREPLY=()
    # Walk the words before the cursor: subcommands extend the command path; an
    # option that takes a value skips it (the next word, or the one after "=").
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        if ((!dashdash)) && [[ $w == -* ]]; then
            if [[ $w == -- ]]; then
                dashdash=1
                continue
            fi
            [[ $w == *=* ]] && continue
            __leadctl_option "$cmd" "$w"
            [[ $kind == flag || $kind == unknown ]] && continue
            ((i += 1))
            [[ ${COMP_WORDS[i]} == = ]] && ((i += 1))
            ((i >= COMP_CWORD)) && valopt=$w
        else
            __leadctl_command "$cmd"
            [[ " $subs " == *" $w "* ]] && cmd="$cmd $w"
        fi
    done
    if [[ -n $valopt ]]; then
        [[ $cur == = ]] && cur=""
        __leadctl_option "$cmd" "$valopt"
        __leadctl_values "$kind" "$words"
        return 0
    fi
    __leadctl_command "$cmd"
    if ((!dashdash)) && [[ $cur == -* ]]; then
        __leadctl_values words "$opts"
    elif [[ -n $subs ]]; then
        __leadctl_values words "$subs"
    else
        __leadctl_values "$args" "$argwords"
    fi
    return 0
}

complete -F _leadctl leadctl
)";
    return s;
}

/// Text for inside [...] of a zsh _arguments spec (then single-quoted).
std::string zsh_description(std::string_view help) {
    std::string out;
    for (char c : help) {
        if (c == '[' || c == ']' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

/// The message of a zsh value spec: colons escaped.
std::string zsh_message(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == ':' || c == '\\') out += '\\';
        out += c;
    }
    return out.empty() ? "value" : out;
}

std::string zsh_action(const CompletionValue& v) {
    switch (v.kind) {
        case ValueKind::words:
            return "(" + joined(v.words) + ")";
        case ValueKind::file:
            return "_files";
        case ValueKind::dir:
            return "_files -/";
        case ValueKind::flag:
        case ValueKind::text:
            break;
    }
    return " ";
}

std::string zsh_function(const CompletionCommand& c) {
    return "_" + path_of(c, "_");
}

std::string zsh_script(const std::vector<CompletionCommand>& all) {
    std::string s = "#compdef leadctl\n" + header("zsh", "leadctl completion zsh > \"${fpath[1]}/_leadctl\"");
    s += "# (or any folder on $fpath), or load it for this shell: source <(leadctl completion zsh)\n";
    // Functions of the subcommands first, so that _leadctl can call them.
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        const auto& c = *it;
        // The root's description starts with its name ("leadctl: ...").
        const bool named = c.help.starts_with(path_of(c) + ":");
        s += fmt::format("\n# {}{}\n{}() {{\n", named ? "" : path_of(c) + ": ", c.help, zsh_function(c));
        if (!c.children.empty())
            s += "    local curcontext=$curcontext state state_descr line\n    typeset -A opt_args\n";
        s += c.children.empty() ? "    _arguments" : "    _arguments -C";
        for (const auto& o : c.options) {
            std::vector<std::string> names;
            for (const auto& n : o.names) {
                if (plain_word(n)) names.push_back(n);
            }
            if (names.empty()) continue;
            const bool value = o.value.kind != ValueKind::flag;
            std::string spec;
            if (names.size() > 1) spec += "'(" + joined(names) + ")'";
            if (o.repeatable) spec += "'*'";
            std::vector<std::string> forms;
            for (const auto& n : names) {
                const bool is_long = n.starts_with("--");
                forms.push_back(value ? n + (is_long ? "=" : "+") : n);
            }
            if (forms.size() > 1) {
                spec += "{" + forms.front();
                for (std::size_t k = 1; k < forms.size(); ++k) spec += "," + forms[k];
                spec += "}";
            } else {
                spec += forms.front();
            }
            std::string rest = "[" + zsh_description(o.help) + "]";
            if (value) rest += ":" + zsh_message(o.value.name) + ":" + zsh_action(o.value);
            spec += sh_quote(rest);
            s += " \\\n        " + spec;
        }
        if (!c.children.empty()) {
            s += " \\\n        '1: :->command' \\\n        '*:: :->argument' && return\n";
            s += "    case $state in\n    command)\n        local -a commands=(\n";
            for (auto i : c.children) {
                const auto& sub = all[i];
                if (!plain_word(sub.path.back())) continue;
                s += "            " + sh_quote(sub.path.back() + ":" + sub.help) + "\n";
            }
            s += fmt::format("        )\n        _describe -t commands {} commands\n        ;;\n",
                             sh_quote(path_of(c) + " command"));
            s += "    argument)\n        curcontext=${curcontext%:*:*}:" + path_of(c, "-") + "-$line[1]:\n";
            s += "        case $line[1] in\n";
            for (auto i : c.children) {
                const auto& sub = all[i];
                if (!plain_word(sub.path.back())) continue;
                s += fmt::format("        {}) {} ;;\n", sub.path.back(), zsh_function(sub));
            }
            s += "        esac\n        ;;\n    esac\n}\n";
            continue;
        }
        for (const auto& p : c.positionals) {
            const std::string colons = p.repeatable ? "*:" : p.required ? ":" : "::";
            s += " \\\n        " + sh_quote(colons + zsh_message(p.value.name) + ":" + zsh_action(p.value));
            if (p.repeatable) break;
        }
        s += "\n}\n";
    }
    s += R"(
if [ "$funcstack[1]" = "_leadctl" ]; then
    _leadctl "$@"
else
    compdef _leadctl leadctl
fi
)";
    return s;
}

/// `s` in single quotes for fish, where \ escapes too.
std::string fish_quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish_value(const CompletionValue& v) {
    switch (v.kind) {
        case ValueKind::words:
            return " -x -a " + fish_quote(joined(v.words));
        case ValueKind::file:
            return " -r -F";
        case ValueKind::dir:
            return " -x -a '(__fish_complete_directories)'";
        case ValueKind::text:
            return " -x";
        case ValueKind::flag:
            break;
    }
    return "";
}

std::string fish_script(const std::vector<CompletionCommand>& all) {
    std::string s = header("fish", "leadctl completion fish > ~/.config/fish/completions/leadctl.fish");
    std::string commands, valued;
    for (const auto& c : all) {
        if (c.path.size() > 1) commands += " \\\n        " + fish_quote(path_of(c));
        for (const auto& o : c.options) {
            if (o.value.kind == ValueKind::flag) continue;
            for (const auto& n : o.names) {
                if (plain_word(n)) valued += " \\\n        " + fish_quote(path_of(c) + " " + n);
            }
        }
    }
    s += fmt::format(R"(
# The command path typed so far ("leadctl evidence add"): words that name a
# subcommand extend it; an option that takes a value skips the next word.
function __leadctl_path
    set -l commands{}
    set -l valued{}
    set -l path leadctl
    set -l skip 0
    set -l tokens (commandline -opc)
    set -e tokens[1]
    for t in $tokens
        if test $skip = 1
            set skip 0
        else if string match -q -- '-*' $t
            contains -- "$path $t" $valued; and set skip 1
        else if contains -- "$path $t" $commands
            set path "$path $t"
        end
    end
    echo $path
end

# True when the command path typed so far is the arguments.
function __leadctl_is
    test (__leadctl_path) = "$argv"
end

complete -c leadctl -f
)",
                     commands, valued);
    for (const auto& c : all) {
        const std::string cond = " -n " + fish_quote("__leadctl_is " + path_of(c));
        s += fmt::format("\n# {}\n", path_of(c));
        for (auto i : c.children) {
            const auto& sub = all[i];
            if (!plain_word(sub.path.back())) continue;
            s += fmt::format("complete -c leadctl{} -a {} -d {}\n", cond, sub.path.back(), fish_quote(sub.help));
        }
        for (const auto& o : c.options) {
            std::string names;
            for (const auto& n : o.names) {
                if (!plain_word(n)) continue;
                names += n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
            }
            if (names.empty()) continue;
            s += fmt::format("complete -c leadctl{}{}{} -d {}\n", cond, names, fish_value(o.value), fish_quote(o.help));
        }
        if (c.children.empty()) {
            const auto arg = positional_value(c);
            if (arg.kind == ValueKind::file) {
                s += fmt::format("complete -c leadctl{} -F\n", cond);
            } else if (arg.kind == ValueKind::dir) {
                s += fmt::format("complete -c leadctl{} -a '(__fish_complete_directories)'\n", cond);
            } else if (arg.kind == ValueKind::words) {
                s += fmt::format("complete -c leadctl{} -a {}\n", cond, fish_quote(joined(arg.words)));
            }
        }
    }
    return s;
}

struct CompletionOptions {
    /// SHELL: bash, zsh or fish
    std::string shell;
    /// --output: write here atomically
    std::string output;
};

int run_completion(const CompletionOptions& o, CLI::App& root, Context& ctx) {
    const std::vector<std::string> shells(kShells.begin(), kShells.end());
    if (std::ranges::count(shells, o.shell) == 0) {
        ctx.io().err
            << fmt::format(
                   "leadctl: error: unknown shell \"{}\"{}: leadctl writes completions for bash, zsh and fish\n",
                   text::terminal_safe(o.shell), text::did_you_mean(o.shell, shells))
            << "Run 'leadctl completion --help' for usage.\n";
        return kExitUsage;
    }
    std::vector<CompletionCommand> all;
    collect(root, {root.get_name()}, all);
    const std::string script = o.shell == "bash"  ? bash_script(all)
                               : o.shell == "zsh" ? zsh_script(all)
                                                  : fish_script(all);
    write_output(ctx, o.output, script, {});
    return kExitOk;
}

}  // namespace

void setup_completion(CLI::App& app, Context& ctx, CommandResult& result) {
    auto opt = std::make_shared<CompletionOptions>();
    auto* cmd = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
    // The shells are checked by run_completion, to suggest one for a misspelling; the
    // inactive IsMember only tells the completion scripts what to offer here.
    cmd->add_option("shell", opt->shell, "The shell: bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember(std::vector<std::string>(kShells.begin(), kShells.end())).description("").active(false))
        ->type_name("SHELL");
    cmd->add_option("-o,--output", opt->output, "Write the script to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->footer(R"(The script completes leadctl's commands, their options, the values of options
that take one of a few (such as --format and --color) and file names. It is
made from leadctl's own command definitions, so it matches this version of
leadctl: write it again after an upgrade. Installed packages put it where the
shells look (leadctl(1), FILES).

Examples:
  leadctl completion bash > ~/.local/share/bash-completion/completions/leadctl
  leadctl completion zsh > "${fpath[1]}/_leadctl"
  leadctl completion fish > ~/.config/fish/completions/leadctl.fish
  source <(leadctl completion bash)       for this shell only)");
    cmd->callback([&app, &ctx, &result, opt] { result.exit_code = run_completion(*opt, app, ctx); });
}

}  // namespace leadctl::cli
