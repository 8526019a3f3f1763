#include "core/yaml/lone_cr.hpp"

namespace leadctl::yaml::detail {

Diagnostic lone_cr_error(const std::string& file, const LoneCr& at) {
    return {Severity::error,
            "cr-line-ends",
            "this file uses CR-only line ends (classic Mac); save it with LF or CRLF line ends",
            {file, at.line, at.column}};
}

}  // namespace leadctl::yaml::detail
