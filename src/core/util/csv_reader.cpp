#include "core/util/csv_reader.hpp"

#include <fmt/format.h>

namespace leadctl::csv {

int Reader::get() {
    const int c = in_.get();
    if (c == '\n') {
        ++line_;
        column_ = 1;
    } else if (c != EOF && (static_cast<unsigned>(c) & 0xC0u) != 0x80u) {
        ++column_;  // count code points, not bytes
    }
    return c;
}

int Reader::peek() {
    return in_.peek();
}

bool Reader::next(std::vector<Field>& fields, Diagnostics& diags) {
    fields.clear();
    // A UTF-8 byte order mark (Excel's "CSV UTF-8" starts with one) is not part of the
    // first field: skip it, and count columns on line 1 from after it.
    if (record_line_ == 0 && line_ == 1 && column_ == 1 && peek() == 0xEF) {
        in_.get();
        if (peek() == 0xBB) {
            in_.get();
            if (peek() == 0xBF) {
                in_.get();
            } else {
                in_.unget();
                in_.unget();
            }
        } else {
            in_.unget();
        }
    }
    // Skip blank lines.
    for (;;) {
        const int c = peek();
        if (c == EOF) return false;
        if (c == '\r' || c == '\n') {
            get();
            continue;
        }
        break;
    }
    record_line_ = line_;
    Field f;
    f.line = line_;
    f.column = column_;
    for (;;) {
        int c = get();
        if (c == '"' && f.value.empty() && !f.quoted) {
            f.quoted = true;
            const int open_line = line_;
            const int open_column = column_ - 1;
            for (;;) {
                c = get();
                if (c == EOF) {
                    diags.error({file_, open_line, open_column}, "csv-unclosed-quote",
                                "this quoted field is never closed (a missing '\"')");
                    return false;
                }
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        f.value += '"';
                        continue;
                    }
                    break;
                }
                f.value += static_cast<char>(c);
                if (f.value.size() > kMaxValue) {
                    // Most likely a quote left open; either way, not a value to keep.
                    diags.error({file_, open_line, open_column}, "value-too-large",
                                fmt::format("this quoted field runs past {} MiB (a missing '\"'?); leadctl reads "
                                            "values of at most {} MiB",
                                            kMaxValue >> 20, kMaxValue >> 20));
                    return false;
                }
            }
            c = peek();
            if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                diags.error({file_, line_, column_}, "csv-quote",
                            "text after a closing quote; inside a quoted field write a quote as \"\"");
                while (peek() != ',' && peek() != '\n' && peek() != EOF) f.value += static_cast<char>(get());
            }
            continue;
        }
        if (c == ',') {
            if (fields.size() + 1 >= kMaxFields) {
                diags.error(
                    {file_, f.line, f.column}, "csv-too-many-fields",
                    fmt::format("a record with more than {} fields; the rest of the line is skipped", kMaxFields));
                while (peek() != '\n' && peek() != EOF) get();
                fields.push_back(std::move(f));
                return true;
            }
            fields.push_back(std::move(f));
            f = Field{};
            f.line = line_;
            f.column = column_;
            continue;
        }
        if (c == '\r' && peek() == '\n') continue;
        if (c == '\n' || c == EOF) {
            fields.push_back(std::move(f));
            return true;
        }
        if (c == '"') {
            diags.error({file_, line_, column_ - 1}, "csv-quote",
                        "a quote inside an unquoted field; quote the whole field and double the quote");
        }
        f.value += static_cast<char>(c);
    }
}

}  // namespace leadctl::csv
