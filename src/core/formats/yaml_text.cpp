#include "core/formats/yaml_text.hpp"

#include "core/util/text.hpp"

namespace leadctl {

bool yaml_needs_quotes(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::uint32_t cp = text::next_code_point(s, i);
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
            cp == text::kInvalidCodePoint) {
            return true;
        }
    }
    return false;
}

void emit_text(YAML::Emitter& e, const std::string& s) {
    if (yaml_needs_quotes(s)) {
        e << YAML::DoubleQuoted << s;
    } else {
        e << s;
    }
}

void emit_texts(YAML::Emitter& e, const std::vector<std::string>& v) {
    e << YAML::Flow << YAML::BeginSeq;
    for (const auto& s : v) emit_text(e, s);
    e << YAML::EndSeq;
}

std::string emitted_yaml(const YAML::Emitter& e) {
    const std::string_view in(e.c_str(), e.size());
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '\x7f') {
            out += "\\x7f";
        } else if (in.substr(i).starts_with("\xE2\x80\xA8")) {
            out += "\\u2028";
            i += 2;
        } else if (in.substr(i).starts_with("\xE2\x80\xA9")) {
            out += "\\u2029";
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

}  // namespace leadctl
