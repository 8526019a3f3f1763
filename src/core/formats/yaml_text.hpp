// Writing the user's text with yaml-cpp's emitter so that it reads back identically.
//
// yaml-cpp 0.7 writes a string holding a lone CR (no LF) as a plain scalar, raw CR
// and all (a reader takes it for a line break), and writes DEL (and U+2028/U+2029)
// raw inside double quotes, where YAML wants them escaped (PyYAML refuses the file).
// So: every text of a user's goes in through emit_text (double-quoted whenever it
// holds a control character or a Unicode line break, where yaml-cpp escapes CR, LF,
// tab, C0 and C1), and the document comes out through emitted_yaml, which escapes
// what yaml-cpp left raw. Those characters only ever stand inside double quotes
// there, so the escapes are read back as the characters.
#pragma once

#include <yaml-cpp/emitter.h>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

/// True when `s` holds a control character (C0, DEL, C1), U+2028, U+2029, U+FEFF or
/// a byte that is not UTF-8: text yaml-cpp must double-quote.
bool yaml_needs_quotes(std::string_view s);

/// `s` as a scalar: double-quoted when yaml_needs_quotes, else as yaml-cpp chooses.
void emit_text(YAML::Emitter& e, const std::string& s);
/// A flow list of texts, each through emit_text.
void emit_texts(YAML::Emitter& e, const std::vector<std::string>& v);

/// The emitter's document, with DEL, U+2028 and U+2029 escaped (\x7f, \u2028, \u2029).
std::string emitted_yaml(const YAML::Emitter& e);

}  // namespace leadctl
