#include "core/yaml/yaml_tree.hpp"

#include "core/util/text.hpp"
#include "core/yaml/libyaml_errors.hpp"
#include "core/yaml/line_indents.hpp"
#include "core/yaml/lone_cr.hpp"

#include <fmt/format.h>
#include <yaml.h>
#include <algorithm>
#include <cstring>
#include <exception>
#include <istream>
#include <new>
#include <optional>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>

namespace leadctl::yaml {

const Node* Node::find(std::string_view key) const {
    for (const auto& [k, v] : entries) {
        if (k->kind == Kind::scalar && k->value == key) return v.get();
    }
    return nullptr;
}

std::string_view kind_name(Kind k) {
    switch (k) {
        case Kind::null:
            return "null";
        case Kind::scalar:
            return "scalar";
        case Kind::sequence:
            return "list";
        case Kind::map:
            return "mapping";
    }
    return "?";
}

namespace {

using detail::LineIndents;
using detail::TextLines;

using namespace detail;

struct Stop {
    Diagnostic diagnostic;
};

std::string_view chars(const yaml_char_t* p, std::size_t n) {
    return {reinterpret_cast<const char*>(p), n};
}
std::string_view chars(const yaml_char_t* p) {
    return p ? std::string_view(reinterpret_cast<const char*>(p)) : "";
}

/// The libyaml parser, deleted on every way out (a hook may throw through us).
class Parser {
public:
    Parser() {
        if (!yaml_parser_initialize(&p_)) throw std::bad_alloc();
    }
    ~Parser() { yaml_parser_delete(&p_); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    yaml_parser_t& get() { return p_; }

private:
    yaml_parser_t p_{};
};

/// One event at a time, freed before the next.
class Event {
public:
    Event() = default;
    ~Event() { reset(); }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    bool next(yaml_parser_t& p) {
        reset();
        live_ = yaml_parser_parse(&p, &e_) != 0;
        return live_;
    }
    const yaml_event_t& operator*() const { return e_; }
    const yaml_event_t* operator->() const { return &e_; }

private:
    void reset() {
        if (live_) yaml_event_delete(&e_);
        live_ = false;
    }
    yaml_event_t e_{};
    bool live_ = false;
};

// libyaml reads YAML 1.1, which differs from YAML 1.2, JSON and yaml-cpp on a few
// characters: NEL (U+0085), LS (U+2028) and PS (U+2029) are line breaks to it (a quoted
// value would lose them, folded into a space), and DEL, the C1 controls and U+FFFE,
// U+FFFF are refused even inside quotes (JSON allows them raw; yaml-cpp's emitter
// writes DEL, LS and PS raw). So that every text reads back byte for byte, each such
// character stands in as one private-use character, U+10FE00 + its low byte, while
// libyaml reads: one character for one, so lines and columns stay true. Scalars get
// the original back (put_back). A file holding one of the stand-ins itself is refused
// (the stand-in is replaced with U+FFFE, which libyaml reports at its place). Left
// over: in a file that needed stand-ins, an escape such as "\U0010FE85" in a
// double-quoted value also reads back as the character it stands for (here NEL).
constexpr std::uint32_t kStandInBase = 0x10FE00;

/// The stand-in's low byte for the character at p[0..n), and its length; {0, 0} if none.
std::pair<unsigned, std::size_t> stand_in_at(const unsigned char* p, std::size_t n) {
    const unsigned c = p[0];
    if (c == 0x7F) return {0x7F, 1};
    if (c == 0xC2 && n >= 2 && p[1] >= 0x80 && p[1] <= 0x9F) return {p[1], 2};
    if (c == 0xE2 && n >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) return {p[2], 3};
    if (c == 0xEF && n >= 3 && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) return {p[2] + 0x40u, 3};
    return {0, 0};
}

/// The low byte of a stand-in U+10FExx at p[0..n) (4 bytes), or 0.
unsigned stand_in_low(const unsigned char* p, std::size_t n) {
    if (n < 4 || p[0] != 0xF4 || p[1] != 0x8F || p[2] < 0xB9 || p[2] > 0xBB || (p[3] & 0xC0u) != 0x80u) return 0;
    const unsigned low = ((p[2] & 0x03u) << 6) | (p[3] & 0x3Fu);
    const bool used = (low >= 0x7F && low <= 0x9F) || low == 0xA8 || low == 0xA9 || low == 0xFE || low == 0xFF;
    return used ? low : 0;
}

bool needs_stand_ins(const unsigned char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] < 0x7F) continue;
        if (stand_in_at(p + i, n - i).second != 0 || stand_in_low(p + i, n - i) != 0) return true;
    }
    return false;
}

/// A scalar's text with the original characters back in place of their stand-ins.
void put_back(std::string& s) {
    std::string out;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t done = 0;
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        const unsigned low = stand_in_low(p + i, s.size() - i);
        if (low == 0) continue;
        out.append(s, done, i - done);
        if (low == 0x7F) {
            out += '\x7F';
        } else if (low <= 0x9F) {
            out += {'\xC2', static_cast<char>(low)};
        } else if (low <= 0xA9) {
            out += {'\xE2', '\x80', static_cast<char>(low)};
        } else {
            out += {'\xEF', '\xBF', static_cast<char>(low - 0x40u)};
        }
        done = i + 4;
        i += 3;
    }
    if (done == 0) return;
    out.append(s, done, std::string::npos);
    s = std::move(out);
}

/// Feeds libyaml (its read handler) from the caller's text or a std::istream, with
/// stand-ins (above). From a stream it hands over what the stream has at hand (at
/// least one byte, or the end), so that a pipe is parsed as it arrives. Nothing may be
/// thrown through libyaml's C frames: an exception is kept and rethrown once the
/// parser has returned.
class Source {
public:
    explicit Source(std::streambuf* in) : in_(in) {}
    explicit Source(std::string_view text) : text_(text), from_text_(true) {}

    static int read(void* data, unsigned char* buffer, std::size_t size, std::size_t* size_read) noexcept {
        auto* self = static_cast<Source*>(data);
        *size_read = 0;
        try {
            *size_read = self->fill(buffer, size);
            return 1;
        } catch (...) {
            self->error_ = std::current_exception();
            return 0;
        }
    }

    [[nodiscard]] const std::exception_ptr& error() const { return error_; }
    /// Whether any stand-in was made (scalars then need put_back).
    [[nodiscard]] bool stood_in() const { return stood_in_; }
    /// The first stand-in character found in the input itself (0 if none).
    [[nodiscard]] std::uint32_t reserved() const { return reserved_; }
    /// Where the first lone CR of what was read so far is, if any.
    [[nodiscard]] const LoneCrScanner& lone_cr() const { return crs_; }
    /// The indentation of the lines handed to libyaml so far.
    [[nodiscard]] const LineIndents& lines() const { return lines_; }

private:
    /// Raw bytes from the input, 0 at its end.
    std::size_t raw(unsigned char* buffer, std::size_t size) {
        if (from_text_) {
            const std::size_t n = std::min(size, text_.size() - at_);
            std::copy_n(text_.data() + at_, n, reinterpret_cast<char*>(buffer));
            at_ += n;
            return n;
        }
        if (!in_ || size == 0) return 0;
        using traits = std::streambuf::traits_type;
        std::streamsize avail = in_->in_avail();
        if (avail <= 0) {
            if (traits::eq_int_type(in_->sgetc(), traits::eof())) return 0;
            avail = std::max<std::streamsize>(in_->in_avail(), 1);
        }
        const auto got =
            in_->sgetn(reinterpret_cast<char*>(buffer), std::min(avail, static_cast<std::streamsize>(size)));
        return static_cast<std::size_t>(std::max<std::streamsize>(got, 0));
    }

    /// The length of p[0..n) without an incomplete UTF-8 character at its end.
    static std::size_t complete(const unsigned char* p, std::size_t n) {
        for (std::size_t back = 1; back <= 4 && back <= n; ++back) {
            const unsigned c = p[n - back];
            if ((c & 0xC0u) == 0x80u) continue;  // a continuation byte: look further back
            const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return len > back ? n - back : n;
        }
        return n;
    }

    std::size_t fill(unsigned char* buffer, std::size_t size) {
        if (pending_at_ < pending_.size()) return serve(buffer, size);
        // Read into libyaml's buffer, after what was held back; keep a character cut
        // in two for the next call. (A tiny buffer would not hold that: stage it.)
        unsigned char* dst = size >= sizeof small_ ? buffer : small_;
        const std::size_t cap = size >= sizeof small_ ? size : sizeof small_;
        for (;;) {
            const std::size_t held = carry_.size();
            std::copy(carry_.begin(), carry_.end(), dst);
            carry_.clear();
            const std::size_t got = raw(dst + held, cap - held);
            const std::size_t n = held + got;
            crs_.feed(dst + held, got);
            if (got == 0) crs_.finish();
            if (n == 0) return 0;
            const std::size_t keep = got == 0 ? n : complete(dst, n);
            carry_.assign(dst + keep, dst + n);
            if (keep == 0) continue;  // only part of one character so far
            lines_.feed(dst, keep);
            if (!needs_stand_ins(dst, keep)) {
                if (dst == buffer) return keep;
                pending_.assign(dst, dst + keep);
            } else {
                substitute(dst, keep);
            }
            return serve(buffer, size);
        }
    }

    /// The next bytes of pending_.
    std::size_t serve(unsigned char* buffer, std::size_t size) {
        const std::size_t n = std::min(size, pending_.size() - pending_at_);
        std::copy_n(pending_.data() + pending_at_, n, buffer);
        pending_at_ += n;
        if (pending_at_ == pending_.size()) {
            pending_.clear();
            pending_at_ = 0;
        }
        return n;
    }

    /// p[0..n) with stand-ins, into pending_.
    void substitute(const unsigned char* p, std::size_t n) {
        pending_.clear();
        pending_at_ = 0;
        for (std::size_t i = 0; i < n;) {
            if (p[i] < 0x7F) {
                pending_.push_back(p[i++]);
                continue;
            }
            if (const auto [low, len] = stand_in_at(p + i, n - i); len != 0) {
                const std::uint32_t cp = kStandInBase + low;
                pending_.push_back(0xF4);
                pending_.push_back(0x8F);
                pending_.push_back(static_cast<unsigned char>(0x80u | ((cp >> 6) & 0x3Fu)));
                pending_.push_back(static_cast<unsigned char>(0x80u | (cp & 0x3Fu)));
                stood_in_ = true;
                i += len;
            } else if (const unsigned own = stand_in_low(p + i, n - i); own != 0) {
                if (reserved_ == 0) reserved_ = kStandInBase + own;
                pending_.insert(pending_.end(), {0xEF, 0xBF, 0xBE});  // refused by libyaml, here
                i += 4;
            } else {
                pending_.push_back(p[i++]);
            }
        }
    }

    std::streambuf* in_ = nullptr;
    std::string_view text_;
    std::size_t at_ = 0;
    bool from_text_ = false;
    std::exception_ptr error_;
    std::vector<unsigned char> pending_;  ///< bytes for libyaml, after stand-ins
    std::size_t pending_at_ = 0;
    std::vector<unsigned char> carry_;  ///< the start of a character cut by the end of a read
    unsigned char small_[64] = {};
    bool stood_in_ = false;
    std::uint32_t reserved_ = 0;
    LineIndents lines_;
    LoneCrScanner crs_;
};

class Builder {
public:
    Builder(const FileName& file, const Limits& limits, Diagnostics& diags, const StreamHook* hook,
            const Source* source, TextLines* text_lines)
        : file_(file), limits_(limits), diags_(diags), hook_(hook), source_(source), text_lines_(text_lines) {}

    NodePtr take_root() { return std::move(root_); }

    void scalar(const yaml_event_t& e) {
        const auto& s = e.data.scalar;
        last_.start = e.start_mark;
        last_.end = e.end_mark;
        last_.quoted = s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
        if (s.length > limits_.max_value_bytes) {
            throw Stop{{Severity::error, "value-too-large",
                        fmt::format("a value of {:.1f} MiB; leadctl reads values of at most {} MiB",
                                    static_cast<double>(s.length) / 1048576.0, limits_.max_value_bytes >> 20),
                        loc(e.start_mark)}};
        }
        const std::string_view value = chars(s.value, s.length);
        const std::string_view tag = chars(s.tag);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE || s.style == YAML_ANY_SCALAR_STYLE;
        if (plain && !s.tag &&
            (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL")) {
            finish(make(Kind::null, e.start_mark), s.anchor, 1);
            return;
        }
        if (last_.quoted && e.end_mark.line > e.start_mark.line) check_continuation(e);
        auto n = make(Kind::scalar, e.start_mark);
        n->end_line = place(e.end_mark).line;
        n->value = value;
        if (source_ && source_->stood_in()) put_back(n->value);
        n->quoted = !plain || tag == "!";  // quoted, block, or the non-specific tag "!"
        finish(std::move(n), s.anchor, 1);
    }

    void alias(const yaml_event_t& e) {
        const std::string name(chars(e.data.alias.anchor));
        auto it = anchors_.find(name);
        if (it == anchors_.end()) {
            throw Stop{{Severity::error, "yaml-syntax",
                        fmt::format("alias *{} refers to no anchor &{} before it", name, name), loc(e.start_mark)}};
        }
        const auto& [node, weight] = it->second;
        if (!node) {
            throw Stop{{Severity::error, "yaml-alias", "alias refers to a node that contains it (recursive alias)",
                        loc(e.start_mark)}};
        }
        count_alias(weight, e.start_mark);
        attach(node, weight);
    }

    void open(Kind kind, const yaml_event_t& e, const yaml_char_t* anchor, bool block) {
        if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
            throw Stop{{Severity::error, "yaml-too-deep",
                        fmt::format("nesting deeper than {} levels; refusing to read it", limits_.max_depth),
                        loc(e.start_mark)}};
        }
        Frame f;
        f.node = make(kind, e.start_mark);
        f.block = block;
        f.column = e.start_mark.column;
        if (anchor) {
            f.anchor = chars(anchor);
            anchors_[f.anchor] = {nullptr, 0};  // open: an alias to it from inside is recursive
        }
        stack_.push_back(std::move(f));
    }

    void close() {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        if (!f.anchor.empty()) anchors_[f.anchor] = {f.node, f.weight};
        attach(std::move(f.node), f.weight);
    }

    const LastScalar& last_scalar() const { return last_; }

private:
    struct Frame {
        std::shared_ptr<Node> node;
        bool block = false;      ///< a block collection (not [..] or {..})
        std::size_t column = 0;  ///< 0-based, of its first key or '-'
        std::string anchor;
        std::uint64_t weight = 1;
        NodePtr pending_key;
        std::unordered_set<std::string> keys;  ///< of a map, once it has kSmallMap entries
    };

    /// Up to this many entries, a map's keys are checked for duplicates by a scan of
    /// its entries; past it, a hash set takes over (an entry of a log has ~10 keys:
    /// a set per entry cost an allocation per key).
    static constexpr std::size_t kSmallMap = 16;

    static bool duplicate_key(Frame& map, const std::string& key) {
        const auto& entries = map.node->entries;
        if (map.keys.empty() && entries.size() < kSmallMap) {
            return std::any_of(entries.begin(), entries.end(), [&](const auto& kv) {
                return kv.first->kind == Kind::scalar && kv.first->value == key;
            });
        }
        if (map.keys.empty()) {
            for (const auto& kv : entries) {
                if (kv.first->kind == Kind::scalar) map.keys.insert(kv.first->value);
            }
        }
        return !map.keys.insert(key).second;
    }

    /// A quoted value over several lines: each further line must be indented more than
    /// the block collection that holds it (its key, or its '-'). When one is not, the
    /// quote most likely never closed where it should have, and the next quote closed it.
    void check_continuation(const yaml_event_t& e) {
        std::size_t at = stack_.size();
        while (at > 0 && !stack_[at - 1].block) --at;
        if (at == 0) return;  // not in a block collection: no indentation to keep
        const Frame& holder = stack_[at - 1];
        std::size_t limit = holder.column;
        // "key:\n- item": a list need not be indented under its key; its items then
        // need only be indented as far as the key.
        if (holder.node->kind == Kind::sequence && at >= 2 && stack_[at - 2].block &&
            stack_[at - 2].node->kind == Kind::map && stack_[at - 2].column == holder.column) {
            if (limit == 0) return;
            --limit;
        }
        const std::size_t from = e.start_mark.line + 1;
        const std::size_t to = e.end_mark.line;
        long long bad = -1;
        if (text_lines_) {
            bad = text_lines_->first_shallow(from, to, limit);
        } else if (source_) {
            bad = source_->lines().first_shallow(from, to, limit);
        }
        if (bad <= 0) return;
        const Place q = place(e.start_mark);
        throw Stop{{Severity::error,
                    "yaml-syntax",
                    fmt::format("unterminated quoted value? The quote opened at line {}, column {} runs on to line "
                                "{}, and this line is not indented under the key or '-' it belongs to: is a closing "
                                "quote missing?",
                                q.line, q.column, place(e.end_mark).line),
                    {file_, static_cast<int>(bad), 1}}};
    }

    SourceLocation loc(const yaml_mark_t& mark) const {
        const Place p = place(mark);
        return {file_, p.line, p.column};
    }

    static std::shared_ptr<Node> make(Kind kind, const yaml_mark_t& mark) {
        auto n = std::make_shared<Node>();
        n->kind = kind;
        const Place p = place(mark);
        n->line = p.line;
        n->column = p.column;
        return n;
    }

    // Aliases share nodes, but whoever walks the tree visits them again: bound
    // what aliases add, so that an "alias bomb" fails at once.
    void count_alias(std::uint64_t nodes, const yaml_mark_t& mark) {
        alias_total_ += nodes;
        if (alias_total_ > limits_.max_alias_nodes) {
            throw Stop{{Severity::error, "yaml-too-large",
                        fmt::format("aliases expand the document by more than {} nodes (an \"alias bomb\"?); "
                                    "refusing to read it",
                                    limits_.max_alias_nodes),
                        loc(mark)}};
        }
    }

    // Nodes are moved, not copied, into their parents: once report runs threads,
    // every shared_ptr copy is an atomic operation.
    void finish(NodePtr n, const yaml_char_t* anchor, std::uint64_t weight) {
        if (anchor) anchors_[std::string(chars(anchor))] = {n, weight};
        attach(std::move(n), weight);
    }

    void attach(NodePtr n, std::uint64_t weight) {
        if (stack_.empty()) {
            root_ = n;
            return;
        }
        Frame& parent = stack_.back();
        if (hook_ && consumed_by_hook(n)) return;
        parent.weight += weight;
        if (parent.node->kind == Kind::sequence) {
            parent.node->items.push_back(std::move(n));
        } else if (!parent.pending_key) {
            parent.pending_key = std::move(n);
        } else {
            const NodePtr& key = parent.pending_key;
            if (key->kind == Kind::scalar && duplicate_key(parent, key->value)) {
                diags_.error({file_, key->line, key->column}, "yaml-duplicate-key",
                             fmt::format("duplicate key \"{}\" in this mapping", key->value));
            }
            parent.node->entries.emplace_back(std::move(parent.pending_key), std::move(n));
            parent.pending_key.reset();
        }
    }

    /// Root-level values and elements of root-level lists go to the hook.
    bool consumed_by_hook(const NodePtr& n) {
        if (stack_.size() == 1 && stack_[0].node->kind == Kind::map && stack_[0].pending_key) {
            const Node& key = *stack_[0].pending_key;
            if ((*hook_)(key, *n, false)) {
                stack_[0].pending_key.reset();
                return true;
            }
        } else if (stack_.size() == 2 && stack_[0].node->kind == Kind::map && stack_[0].pending_key &&
                   stack_[1].node->kind == Kind::sequence) {
            return (*hook_)(*stack_[0].pending_key, *n, true);
        }
        return false;
    }

    FileName file_;
    const Limits& limits_;
    Diagnostics& diags_;
    const StreamHook* hook_ = nullptr;
    const Source* source_ = nullptr;
    TextLines* text_lines_ = nullptr;
    std::vector<Frame> stack_;
    NodePtr root_;
    /// By name; a null node while the anchored collection is still open.
    std::unordered_map<std::string, std::pair<NodePtr, std::uint64_t>> anchors_;
    std::uint64_t alias_total_ = 0;
    LastScalar last_;
};

/// Runs libyaml over the input set on `parser` and builds the document.
/// `text_crs`: the lone CRs of a text given whole (else the Source's are used).
void run_parser(yaml_parser_t& parser, const Source* source, TextLines* text_lines, const FileName& file,
                const Limits& limits, const StreamHook* hook, Document& doc, const LoneCrScanner* text_crs = nullptr) {
    auto& diags = doc.diagnostics;
    diags.set_limit(limits.max_diagnostics);
    std::optional<Diagnostic> stopped;
    Builder builder(file, limits, diags, hook, source, text_lines);
    int documents = 0;
    try {
        Event e;
        for (bool done = false; !done;) {
            if (!e.next(parser)) {
                if (source && source->error()) std::rethrow_exception(source->error());
                throw Stop{describe_error(parser, file, builder.last_scalar(), source ? source->reserved() : 0)};
            }
            switch (e->type) {
                case YAML_DOCUMENT_START_EVENT:
                    if (++documents > 1) {
                        throw Stop{{Severity::error,
                                    "yaml-multiple-documents",
                                    "file holds more than one YAML document; only one is allowed",
                                    {file, place(e->start_mark).line, place(e->start_mark).column}}};
                    }
                    break;
                case YAML_SCALAR_EVENT:
                    builder.scalar(*e);
                    break;
                case YAML_ALIAS_EVENT:
                    builder.alias(*e);
                    break;
                case YAML_SEQUENCE_START_EVENT:
                    builder.open(Kind::sequence, *e, e->data.sequence_start.anchor,
                                 e->data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE);
                    break;
                case YAML_MAPPING_START_EVENT:
                    builder.open(Kind::map, *e, e->data.mapping_start.anchor,
                                 e->data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE);
                    break;
                case YAML_SEQUENCE_END_EVENT:
                case YAML_MAPPING_END_EVENT:
                    builder.close();
                    break;
                case YAML_STREAM_END_EVENT:
                case YAML_NO_EVENT:
                    done = true;
                    break;
                case YAML_STREAM_START_EVENT:
                case YAML_DOCUMENT_END_EVENT:
                    break;
            }
        }
    } catch (const Stop& stop) {
        stopped = stop.diagnostic;
    }
    // A lone CR is refused unless a fatal problem comes before it in the file. libyaml
    // read on past it (as a line break), so the outcome does not depend on how far
    // ahead a stream was read; what it made of the lines after it is dropped.
    const LoneCrScanner* crs = text_crs ? text_crs : source ? &source->lone_cr() : nullptr;
    if (crs && crs->found()) {
        const LoneCr at = crs->where();
        const bool stop_first = stopped && (stopped->location.line < at.line || (stopped->location.line == at.line &&
                                                                                 stopped->location.column < at.column));
        if (!stop_first) {
            diags.rollback({});
            diags.add(lone_cr_error(file, at));
            return;
        }
    }
    if (stopped) {
        diags.add(*stopped);
        return;
    }
    NodePtr root = builder.take_root();
    if (documents == 0 || !root || root->is_null()) {
        diags.error({file, 0, 0}, "empty-file", "file is empty (no YAML document)");
        return;
    }
    doc.root = std::move(root);  // duplicate keys were reported but do not stop checking
}

}  // namespace

Document parse(std::istream& in, const FileName& file, const StreamHook& hook, const Limits& limits) {
    Document doc;
    Parser parser;
    Source source(in.rdbuf());
    yaml_parser_set_input(&parser.get(), &Source::read, &source);
    run_parser(parser.get(), &source, nullptr, file, limits, &hook, doc);
    return doc;
}

Document parse(std::string_view text, const FileName& file, const Limits& limits) {
    Document doc;
    auto& diags = doc.diagnostics;
    if (text.size() > limits.max_bytes) {
        diags.error({file, 0, 0}, "file-too-large",
                    fmt::format("file is {} bytes; the limit is {} bytes", text.size(), limits.max_bytes));
        return doc;
    }
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto lc = text::line_column_at(text, nul);
        diags.error({file, lc.line, lc.column}, "binary-file",
                    "file contains a NUL byte: it looks binary, not YAML text");
        return doc;
    }
    if (auto bad = text::find_invalid_utf8(text)) {
        const auto lc = text::line_column_at(text, *bad);
        diags.error({file, lc.line, lc.column}, "not-utf8",
                    fmt::format("file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8",
                                static_cast<unsigned char>(text[*bad])));
        return doc;
    }

    LoneCrScanner crs;
    crs.feed(reinterpret_cast<const unsigned char*>(text.data()), text.size());
    crs.finish();

    // libyaml reads the caller's text in place (no copy; it wants a non-null pointer),
    // unless a character needs a stand-in (see Source).
    static constexpr unsigned char kEmpty[1] = {0};
    const auto* bytes = text.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(text.data());
    Parser parser;
    TextLines lines(text);
    if (!needs_stand_ins(bytes, text.size())) {
        yaml_parser_set_input_string(&parser.get(), bytes, text.size());
        run_parser(parser.get(), nullptr, &lines, file, limits, nullptr, doc, &crs);
        return doc;
    }
    Source source(text);
    yaml_parser_set_input(&parser.get(), &Source::read, &source);
    run_parser(parser.get(), &source, &lines, file, limits, nullptr, doc, &crs);
    return doc;
}

}  // namespace leadctl::yaml
