#!/usr/bin/env bash
# Check that man/leadctl.1 documents every command and long option of leadctl.
#
#   tests/man/check_man.sh BUILD/leadctl MAN_DIR
#
# Runs `leadctl --help`, then `--help` of every subcommand found in the
# "Subcommands:" section of each help text (recursively), and collects every
# subcommand and every long option (--something). Each must appear in
# MAN_DIR/leadctl.1:
#   - every option and every command path ("frameworks list") somewhere in the page;
#   - every command path as the heading of a subsection (.SS "frameworks list");
#   - each command's options (other than --help) inside that subsection, and the
#     top-level options inside the GLOBAL OPTIONS section.
# Exits 0 when all are there, 1 (listing what is missing) otherwise, 2 on bad usage.
set -u -o pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 LEADCTL_BINARY MAN_DIR" >&2
    exit 2
fi
bin=$1
man_dir=$2
page=$man_dir/leadctl.1

if [[ ! -x $bin ]]; then
    echo "check_man: $bin is not an executable" >&2
    exit 2
fi
if [[ ! -r $page ]]; then
    echo "check_man: cannot read $page" >&2
    exit 1
fi

# The page's text without roff markup: comments dropped, \- and \(hy turned into
# '-', font and zero-width escapes removed, request names at line starts removed,
# double quotes dropped. One line per source line, so that sections can be cut out.
plain_page() {
    sed -e '/^\.\\"/d' \
        -e 's/\\-/-/g' -e 's/\\(hy/-/g' \
        -e 's/\\f\[[^]]*\]//g' -e 's/\\f(..//g' -e 's/\\f.//g' \
        -e 's/\\&//g' -e 's/\\%//g' -e 's/\\c//g' \
        -e 's/^\.[A-Za-z]*[[:space:]]*//' \
        -e 's/"//g' "$page"
}
plain=$(plain_page)

# All the page's text on one line, for phrases that the source splits over lines.
flat() { tr '\n' ' ' | tr -s '[:space:]' ' '; }

# contains TEXT WORDS: whether WORDS occur in TEXT with no letter, digit or '-'
# directly before or after them. WORDS are letters, digits, '-', '_' and spaces.
contains() {
    local text=$1 words=$2
    local re="(^|[^A-Za-z0-9_-])${words}([^A-Za-z0-9_-]|\$)"
    grep -Eq -- "$re" <<<"$text"
}

# section HEADING_MACRO TITLE: the plain text of the section (.SH) or subsection
# (.SS) with that title, up to the next heading of any level.
section() {
    local macro=$1 title=$2
    sed -e '/^\.\\"/d' "$page" | awk -v macro="$macro" -v title="$title" '
        function heading_title(line) {
            sub(/^\.S[HS][ \t]+/, "", line)
            gsub(/"/, "", line)
            gsub(/\\-/, "-", line)
            return line
        }
        /^\.S[HS]([ \t]|$)/ {
            if (inside) exit
            if (substr($0, 1, 3) == macro && heading_title($0) == title) { inside = 1; next }
        }
        inside { print }
    ' | sed -e 's/\\-/-/g' -e 's/\\(hy/-/g' \
            -e 's/\\f\[[^]]*\]//g' -e 's/\\f(..//g' -e 's/\\f.//g' \
            -e 's/\\&//g' -e 's/\\%//g' -e 's/\\c//g' \
            -e 's/^\.[A-Za-z]*[[:space:]]*//' -e 's/"//g'
}

# help_section HELP NAME: the lines of a CLI11 help section ("Options:",
# "Subcommands:") up to the next blank line.
help_section() {
    awk -v name="$2:" '
        $0 == name { inside = 1; next }
        inside && /^[[:space:]]*$/ { exit }
        inside { print }
    ' <<<"$1"
}

missing=()
queue=("")          # command paths still to visit; "" is the top level
seen_commands=()
top_options=0
top_commands=0

while [[ ${#queue[@]} -gt 0 ]]; do
    path=${queue[0]}
    queue=("${queue[@]:1}")
    # shellcheck disable=SC2086  # the path is words on purpose
    if ! help=$("$bin" $path --help 2>&1); then
        echo "check_man: '$bin $path --help' failed:" >&2
        echo "$help" >&2
        exit 1
    fi
    label=${path:-leadctl}

    # Long options: every --word in the Options section (e.g. "-h,--help",
    # "--format FORMAT").
    options=$(help_section "$help" Options | grep -oE -- '--[A-Za-z0-9][A-Za-z0-9_-]*' | sort -u)
    if [[ -z $path ]]; then
        top_options=$(grep -c . <<<"$options")
        where_text=$(section .SH "GLOBAL OPTIONS")
        where_name="section GLOBAL OPTIONS"
    else
        where_text=$(section .SS "$path")
        where_name="subsection \"$path\""
        if [[ -z $where_text ]] && ! grep -Eq "^\.SS[[:space:]]+\"?${path}\"?[[:space:]]*\$" \
                <(sed -e 's/\\-/-/g' "$page"); then
            missing+=("no subsection (.SS \"$path\") for the command '$path'")
        fi
        if ! contains "$(flat <<<"$plain")" "$path"; then
            missing+=("command '$path' is not mentioned")
        fi
    fi
    for opt in $options; do
        if ! contains "$plain" "$opt"; then
            missing+=("option $opt (of '$label') is not mentioned")
        elif [[ $opt != --help ]] && ! contains "$where_text" "$opt"; then
            missing+=("option $opt (of '$label') is not described in the $where_name")
        fi
    done

    # Subcommands: the first word of each line of the Subcommands section.
    subs=$(help_section "$help" Subcommands | awk '{ print $1 }')
    [[ -z $path ]] && top_commands=$(grep -c . <<<"$subs")
    for sub in $subs; do
        child=${path:+$path }$sub
        if [[ " ${seen_commands[*]-} " == *" |$child| "* ]]; then continue; fi
        if [[ $(wc -w <<<"$child") -gt 6 ]]; then
            echo "check_man: command path too deep: $child" >&2
            exit 1
        fi
        seen_commands+=("|$child|")
        queue+=("$child")
    done
done

# If the help format changed so that nothing was found, the check would pass
# without checking anything: fail instead.
if [[ $top_options -eq 0 || $top_commands -eq 0 ]]; then
    echo "check_man: found no options or no subcommands in '$bin --help'; has the help format changed?" >&2
    exit 1
fi

if [[ ${#missing[@]} -gt 0 ]]; then
    echo "check_man: $page is missing:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "check_man: $page documents all ${#seen_commands[@]} commands and their options"
exit 0
