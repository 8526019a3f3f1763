#include "core/util/uuid.hpp"

#include <uuid/uuid.h>

#include <stdexcept>

namespace leadctl {

namespace {
bool hex_lower(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
}  // namespace

bool is_uuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !hex_lower(s[i])) return false;
    }
    return true;
}

bool is_case_uuid(std::string_view s) {
    return is_uuid(s) && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b');
}

std::string uuid5(std::string_view ns, std::string_view name) {
    uuid_t ns_bin;
    const std::string ns_text(ns);
    if (!is_uuid(ns) || uuid_parse(ns_text.c_str(), ns_bin) != 0) {
        throw std::invalid_argument("uuid5: not a UUID: " + ns_text);
    }
    uuid_t out;
    uuid_generate_sha1(out, ns_bin, name.data(), name.size());
    char text[37];
    uuid_unparse_lower(out, text);
    return text;
}

}  // namespace leadctl
