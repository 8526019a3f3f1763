#include "core/util/format_table.hpp"

namespace leadctl {

std::string describe_formats(const std::vector<std::string>& names, std::string_view default_name) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
        if (!default_name.empty() && names[i] == default_name) out += " (default)";
    }
    return out;
}

}  // namespace leadctl
