#include "core/yaml/libyaml_errors.hpp"

#include <fmt/format.h>
#include <string_view>

namespace leadctl::yaml::detail {

namespace {

bool starts(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

/// Where libyaml's reader stopped: the character after the decoded buffer. The
/// scanner's mark is at buffer.pointer; walk the decoded text that follows it.
Place reader_place(const yaml_parser_t& p) {
    auto line = static_cast<long long>(p.mark.line);
    auto column = static_cast<long long>(p.mark.column);
    for (const yaml_char_t* q = p.buffer.pointer; q && q < p.buffer.last; ++q) {
        if (*q == '\n') {
            ++line;
            column = 0;
        } else if ((*q & 0xC0u) != 0x80u) {
            ++column;
        }
    }
    return {static_cast<int>(line) + 1, static_cast<int>(column) + 1};
}

/// A scanner or parser error of libyaml in plain words (mostly what to do about it).
std::string explain(const yaml_parser_t& p) {
    const std::string_view problem = p.problem ? p.problem : "unknown error";
    const std::string_view context = p.context ? p.context : "";
    const Place ctx = place(p.context_mark);

    if (context == "while scanning a quoted scalar" || context == "while parsing a quoted scalar") {
        if (problem == "found unexpected end of stream") {
            return fmt::format("unterminated quoted value (the quote opened at line {}, column {} is never closed)",
                               ctx.line, ctx.column);
        }
        if (problem == "found unexpected document indicator") {
            return fmt::format(
                "unterminated quoted value (the quote opened at line {}, column {} is still open at "
                "this '---' or '...' line)",
                ctx.line, ctx.column);
        }
        if (problem == "found unknown escape character") {
            return fmt::format(
                "unknown escape after '\\' in the double-quoted value that opens at line {}, column "
                "{}: write \\\\ for a backslash, or use single quotes",
                ctx.line, ctx.column);
        }
    }
    if (problem == "found character that cannot start any token") {
        // The scanner stopped on the character: it is the one at the buffer's pointer.
        const bool here = p.buffer.pointer && p.buffer.pointer < p.buffer.last && p.mark.index == p.problem_mark.index;
        const char c = here ? static_cast<char>(*p.buffer.pointer) : '\0';
        if (c == '\t') return "tabs cannot indent YAML; use spaces";
        if (c == '@' || c == '`') {
            return fmt::format("a value cannot begin with '{}' (YAML reserves it); put the value in quotes", c);
        }
        if (c > ' ' && c < 0x7f) return fmt::format("a value cannot begin with '{}' here; put the value in quotes", c);
        return "this character cannot begin a value here; put the value in quotes";
    }
    if (starts(problem, "found a tab character")) return "tabs cannot indent YAML; use spaces";
    if (problem == "did not find expected ',' or ']'") {
        return fmt::format(
            "unterminated list: the '[' at line {}, column {} is never closed with ']' (or a ',' is "
            "missing between two items)",
            ctx.line, ctx.column);
    }
    if (problem == "did not find expected ',' or '}'") {
        return fmt::format(
            "unterminated mapping: the '{{' at line {}, column {} is never closed with '}}' (or a ',' "
            "is missing between two entries)",
            ctx.line, ctx.column);
    }
    if (problem == "mapping values are not allowed in this context") {
        return "unexpected ':' here: put a value that contains ': ' in quotes, or check this line's indentation";
    }
    if (problem == "block sequence entries are not allowed in this context") {
        return "a '-' list entry cannot begin here; check this line's indentation";
    }
    if (problem == "did not find expected key") {
        return fmt::format(
            "expected a key here, lined up with the keys of the mapping that begins at line {}, "
            "column {}; check this line's indentation",
            ctx.line, ctx.column);
    }
    if (problem == "did not find expected '-' indicator") {
        return fmt::format(
            "expected a '-' entry here, lined up with the list that begins at line {}, column {}; "
            "check this line's indentation",
            ctx.line, ctx.column);
    }
    if (problem == "could not find expected ':'") {
        return fmt::format("the key that begins at line {}, column {} has no ':' after it on its line", ctx.line,
                           ctx.column);
    }
    if (problem == "did not find expected node content") return "expected a value here";
    if (problem == "did not find expected <document start>") {
        return "unexpected text after the end of the document ('...')";
    }
    if (problem == "did not find expected alphabetic or numeric character" &&
        (starts(context, "while scanning an anchor") || starts(context, "while scanning an alias"))) {
        return "'&' and '*' begin an anchor or an alias and must be followed by a name; put a value that begins "
               "with '&' or '*' in quotes";
    }
    if (problem == "found undefined tag handle") {
        return "unknown tag (a '!' prefix that the document does not declare); remove it, or put the value in quotes";
    }
    // Anything else: libyaml's own words (lower case already), with where it began.
    std::string message = fmt::format("YAML syntax error: {}", problem);
    if (!context.empty()) {
        message += fmt::format(" ({} that begins at line {}, column {})", context, ctx.line, ctx.column);
    }
    return message;
}

/// A libyaml error as a located diagnostic in plain words.
}  // namespace

Diagnostic describe_error(const yaml_parser_t& p, const std::string& file, const LastScalar& last,
                          std::uint32_t reserved) {
    auto error = [&](Place where, std::string code, std::string message) {
        return Diagnostic{Severity::error, std::move(code), std::move(message), {file, where.line, where.column}};
    };
    if (p.error == YAML_MEMORY_ERROR) return error({0, 0}, "yaml-too-large", "not enough memory to read this file");
    if (p.error == YAML_READER_ERROR) {
        const std::string_view problem = p.problem ? p.problem : "unknown error";
        const Place where = reader_place(p);
        if (problem == "control characters are not allowed") {
            if (p.problem_value == 0xFFFE && reserved != 0) {
                return error(where, "yaml-syntax",
                             fmt::format("the file contains the private-use character U+{:X}, which leadctl "
                                         "reserves while it reads YAML; remove it",
                                         reserved));
            }
            if (p.problem_value == 0) {
                return error(where, "binary-file", "file contains a NUL byte: it looks binary, not YAML text");
            }
            return error(where, "yaml-syntax",
                         fmt::format("the file contains the control character U+{:04X}, which YAML does not allow; "
                                     "remove it",
                                     static_cast<unsigned>(p.problem_value)));
        }
        if (problem.find("UTF-8") != std::string_view::npos) {
            return error(where, "not-utf8", "file is not valid UTF-8; save it as UTF-8");
        }
        return error(where, "yaml-syntax", fmt::format("cannot read the file as YAML text: {}", problem));
    }
    std::string message = explain(p);
    // A quoted value that ran over lines and closed on the line of the problem is
    // most often a closing quote that is missing, the next quote closing it instead.
    if (last.quoted && last.end.line > last.start.line && p.problem_mark.line == last.end.line) {
        const Place q = place(last.start);
        message = fmt::format(
            "unterminated quoted value? The quote opened at line {}, column {} closes only at line "
            "{}, and what follows does not fit: {}",
            q.line, q.column, place(last.end).line, message);
    }
    return error(place(p.problem_mark), "yaml-syntax", std::move(message));
}

}  // namespace leadctl::yaml::detail
