// Reading CSV (RFC 4180) one record at a time from a stream, with the line and
// column of every field: quoted fields may span lines and hold doubled quotes.
#pragma once

#include "core/util/diagnostic.hpp"

#include <istream>
#include <string>
#include <vector>

namespace leadctl::csv {

struct Field {
    std::string value;
    int line = 0;
    int column = 0;
    bool quoted = false;
};

class Reader {
public:
    Reader(std::istream& in, FileName file) : in_(in), file_(std::move(file)) {}

    /// The next record into `fields`; false at the end of input or after an error
    /// that makes the rest unreadable (an unclosed quote), which is added to
    /// `diags`. A stray quote inside an unquoted field is reported and the record
    /// is still returned. Blank lines are skipped, and so is a UTF-8 byte order mark
    /// at the start of the input.
    bool next(std::vector<Field>& fields, Diagnostics& diags);
    /// Records with more fields than this are cut short with a "csv-too-many-fields"
    /// error (the rest of the line is skipped), so one huge line cannot use up memory.
    static constexpr std::size_t kMaxFields = 256;
    /// A quoted field (which may span lines) longer than this is a "value-too-large"
    /// error that ends the reading, like an unclosed quote. A limit of ours.
    static constexpr std::size_t kMaxValue = std::size_t{16} << 20;

    /// Line on which the last record started.
    [[nodiscard]] int record_line() const { return record_line_; }

private:
    int get();
    int peek();

    std::istream& in_;
    FileName file_;
    int line_ = 1;
    int column_ = 1;
    int record_line_ = 0;
};

}  // namespace leadctl::csv
