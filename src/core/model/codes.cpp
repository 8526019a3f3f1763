#include "core/model/codes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace leadctl {

namespace {
bool alnum(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}
bool code_char(char ch) {
    return alnum(ch) || ch == '.' || ch == '-' || ch == '_';
}
}  // namespace

bool is_valid_code(std::string_view c) {
    if (c.empty() || c.size() > kMaxCode || !alnum(c.front())) return false;
    return std::all_of(c.begin(), c.end(), code_char);
}

std::string code_base(std::string_view label) {
    if (is_valid_code(label)) return std::string(label);
    std::string out;
    for (char ch : label) {
        if (code_char(ch)) {
            out += ch;
        } else {
            out += fmt::format("_{:02X}", static_cast<unsigned char>(ch));
        }
    }
    if (out.empty() || !alnum(out.front())) out = "id" + out;
    if (out.size() > kMaxCode - 8) out.resize(kMaxCode - 8);
    return out;
}

bool code_made_from(std::string_view code, std::string_view label) {
    const std::string base = code_base(label);
    if (code == base) return true;
    if (code.size() <= base.size() + 1 || !code.starts_with(base) || code[base.size()] != '-') return false;
    const auto digits = code.substr(base.size() + 1);
    return std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

std::vector<std::string> codes_for(const std::vector<std::string>& labels) {
    std::vector<std::string> codes(labels.size());
    std::set<std::string> used;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (is_valid_code(labels[i]) && used.insert(labels[i]).second) codes[i] = labels[i];
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (!codes[i].empty()) continue;
        const std::string base = code_base(labels[i]);
        std::string code = base;
        for (int n = 2; used.count(code); ++n) code = fmt::format("{}-{}", base, n);
        used.insert(code);
        codes[i] = code;
    }
    return codes;
}

const std::string* find_extra(const Extra& x, std::string_view key) {
    for (const auto& [k, v] : x) {
        if (k == key) return &v;
    }
    return nullptr;
}

}  // namespace leadctl
