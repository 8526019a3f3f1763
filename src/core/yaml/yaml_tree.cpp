#include "core/yaml/yaml_tree.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>
#include <istream>
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

// Read-only streambuf over the caller's text: no copy of the input.
class ViewBuffer : public std::streambuf {
public:
    explicit ViewBuffer(std::string_view s) {
        char* p = const_cast<char*>(s.data());
        setg(p, p, p + s.size());
    }
};

struct Stop {
    Diagnostic diagnostic;
};

class Builder : public YAML::EventHandler {
public:
    Builder(const std::string& file, const Limits& limits, Diagnostics& diags, const StreamHook* hook = nullptr)
        : file_(file), limits_(limits), diags_(diags), hook_(hook) {}

    NodePtr take_root() { return std::move(root_); }
    int document_line() const { return document_line_; }
    int document_column() const { return document_column_; }

    void OnDocumentStart(const YAML::Mark& mark) override {
        document_line_ = mark.line + 1;
        document_column_ = mark.column + 1;
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto n = make(Kind::null, mark);
        finish(n, anchor, 1);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end()) {
            throw Stop{{Severity::error, "yaml-alias", "alias refers to a node that contains it (recursive alias)",
                        loc(mark)}};
        }
        const auto& [node, weight] = it->second;
        count_alias(weight, mark);
        attach(node, weight);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        auto n = make(Kind::scalar, mark);
        n->value = value;
        n->quoted = (tag == "!");
        finish(n, anchor, 1);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(Kind::sequence, mark, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(Kind::map, mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        std::shared_ptr<Node> node;
        YAML::anchor_t anchor = 0;
        std::uint64_t weight = 1;
        NodePtr pending_key;
        std::unordered_set<std::string> keys;
    };

    SourceLocation loc(const YAML::Mark& mark) const { return {file_, mark.line + 1, mark.column + 1}; }

    std::shared_ptr<Node> make(Kind kind, const YAML::Mark& mark) {
        auto n = std::make_shared<Node>();
        n->kind = kind;
        n->line = mark.line + 1;
        n->column = mark.column + 1;
        return n;
    }

    // Aliases share nodes, but whoever walks the tree visits them again: bound
    // what aliases add, so that an "alias bomb" fails at once.
    void count_alias(std::uint64_t nodes, const YAML::Mark& mark) {
        alias_total_ += nodes;
        if (alias_total_ > limits_.max_alias_nodes) {
            throw Stop{{Severity::error, "yaml-too-large",
                        fmt::format("aliases expand the document by more than {} nodes (an \"alias bomb\"?); "
                                    "refusing to read it",
                                    limits_.max_alias_nodes),
                        loc(mark)}};
        }
    }

    void open(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
            throw Stop{{Severity::error, "yaml-too-deep",
                        fmt::format("nesting deeper than {} levels; refusing to read it", limits_.max_depth),
                        loc(mark)}};
        }
        Frame f;
        f.node = make(kind, mark);
        f.anchor = anchor;
        stack_.push_back(std::move(f));
    }

    void close() {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        finish(f.node, f.anchor, f.weight);
    }

    void finish(const std::shared_ptr<Node>& n, YAML::anchor_t anchor, std::uint64_t weight) {
        if (anchor != 0) anchors_[anchor] = {n, weight};
        attach(n, weight);
    }

    void attach(const NodePtr& n, std::uint64_t weight) {
        if (stack_.empty()) {
            root_ = n;
            return;
        }
        Frame& parent = stack_.back();
        if (hook_ && consumed_by_hook(n)) return;
        parent.weight += weight;
        if (parent.node->kind == Kind::sequence) {
            parent.node->items.push_back(n);
        } else if (!parent.pending_key) {
            parent.pending_key = n;
        } else {
            const NodePtr& key = parent.pending_key;
            if (key->kind == Kind::scalar && !parent.keys.insert(key->value).second) {
                diags_.error({file_, key->line, key->column}, "yaml-duplicate-key",
                             fmt::format("duplicate key \"{}\" in this mapping", key->value));
            }
            parent.node->entries.emplace_back(key, n);
            parent.pending_key.reset();
        }
    }

    /// Root-level values and elements of root-level lists go to the hook.
    bool consumed_by_hook(const NodePtr& n) {
        if (stack_.size() == 1 && stack_[0].node->kind == Kind::map && stack_[0].pending_key) {
            const NodePtr key = stack_[0].pending_key;
            if ((*hook_)(*key, *n, false)) {
                stack_[0].pending_key.reset();
                return true;
            }
        } else if (stack_.size() == 2 && stack_[0].node->kind == Kind::map && stack_[0].pending_key &&
                   stack_[1].node->kind == Kind::sequence) {
            return (*hook_)(*stack_[0].pending_key, *n, true);
        }
        return false;
    }

    const std::string& file_;
    const Limits& limits_;
    Diagnostics& diags_;
    const StreamHook* hook_ = nullptr;
    std::vector<Frame> stack_;
    NodePtr root_;
    std::unordered_map<YAML::anchor_t, std::pair<NodePtr, std::uint64_t>> anchors_;
    std::uint64_t alias_total_ = 0;
    int document_line_ = 1;
    int document_column_ = 1;
};

void run_parser(std::istream& in, const std::string& file, const Limits& limits, const StreamHook* hook,
                Document& doc) {
    auto& diags = doc.diagnostics;
    Builder builder(file, limits, diags, hook);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder)) {
            diags.error({file, 0, 0}, "empty-file", "file is empty (no YAML document)");
            return;
        }
        NodePtr root = builder.take_root();
        if (parser.HandleNextDocument(builder)) {
            diags.error({file, builder.document_line(), builder.document_column()}, "yaml-multiple-documents",
                        "file holds more than one YAML document; only one is allowed");
            return;
        }
        if (!root || root->is_null()) {
            diags.error({file, 0, 0}, "empty-file", "file is empty (no YAML document)");
            return;
        }
        doc.root = std::move(root);  // duplicate keys were reported but do not stop checking
    } catch (const Stop& stop) {
        diags.add(stop.diagnostic);
    } catch (const YAML::DeepRecursion& e) {
        diags.error({file, e.mark.line + 1, e.mark.column + 1}, "yaml-too-deep",
                    fmt::format("nesting deeper than {} levels; refusing to read it", limits.max_depth));
    } catch (const YAML::Exception& e) {
        std::string msg = e.msg;
        if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
        diags.error({file, e.mark.line + 1, e.mark.column + 1}, "yaml-syntax", "YAML syntax error: " + msg);
    }
}

}  // namespace

Document parse(std::istream& in, const std::string& file, const StreamHook& hook, const Limits& limits) {
    Document doc;
    run_parser(in, file, limits, &hook, doc);
    return doc;
}

Document parse(std::string_view text, const std::string& file, const Limits& limits) {
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

    ViewBuffer buffer(text);
    std::istream in(&buffer);
    run_parser(in, file, limits, nullptr, doc);
    return doc;
}

}  // namespace leadctl::yaml
