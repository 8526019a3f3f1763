#include "core/model/framework_diff.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace leadctl {

namespace {

constexpr bool kinds_in_enum_order() {
    for (std::size_t i = 0; i < kDiffKinds.size(); ++i) {
        if (static_cast<std::size_t>(kDiffKinds[i].kind) != i) return false;
    }
    return true;
}
static_assert(kinds_in_enum_order(), "kDiffKinds must list the kinds in the order of ChangeKind");

/// A set of words, as ids given by a Vocabulary: sorted, unique.
using Words = std::vector<int>;

// ---------------------------------------------------------------- similarity

constexpr std::string_view kStopWords[] = {"a",  "an",  "and", "as", "at", "by",  "for",  "from",  "in", "into", "is",
                                           "it", "its", "of",  "on", "or", "the", "that", "their", "to", "with"};

bool word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80;
}

/// Numbers for words, so that sets of words compare as sets of integers.
class Vocabulary {
public:
    /// The set of words of `s`: runs of letters and digits, lower-cased, stop words left out.
    Words words_of(std::string_view s) {
        Words out;
        std::size_t i = 0;
        while (i < s.size()) {
            if (!word_byte(s[i])) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < s.size() && word_byte(s[j])) ++j;
            std::string w = text::to_lower(s.substr(i, j - i));
            if (std::find(std::begin(kStopWords), std::end(kStopWords), w) == std::end(kStopWords)) {
                out.push_back(ids_.emplace(std::move(w), static_cast<int>(ids_.size())).first->second);
            }
            i = j;
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

private:
    std::unordered_map<std::string, int> ids_;
};

double jaccard(const Words& a, const Words& b) {
    if (a.empty() && b.empty()) return 0;
    std::size_t common = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

/// Lower-cased, runs of white space as one space, trimmed: names equal "ignoring case and spaces".
std::string normalised_name(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : text::trim(s)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

/// What the similarity score needs of an item, computed once.
struct ItemKey {
    std::string name;     ///< normalised
    std::string letters;  ///< the bytes of `name`, sorted: for a cheap bound on the edit distance
    Words name_words;
    Words description_words;
    bool has_description = false;
};

ItemKey key_of(const Item& it, Vocabulary& vocabulary) {
    ItemKey k;
    k.name = normalised_name(it.name);
    k.letters = k.name;
    std::sort(k.letters.begin(), k.letters.end());
    k.name_words = vocabulary.words_of(it.name);
    k.description_words = vocabulary.words_of(it.description);
    k.has_description = !text::trim(it.description).empty();
    return k;
}

/// A lower bound of the edit distance: each edit adds or drops at most one byte
/// of each side's multiset of bytes (a swap of neighbours none).
std::size_t bag_distance(const std::string& a, const std::string& b) {
    std::size_t only_a = 0, only_b = 0;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++only_a;
            ++i;
        } else if (*j < *i) {
            ++only_b;
            ++j;
        } else {
            ++i;
            ++j;
        }
    }
    only_a += static_cast<std::size_t>(a.end() - i);
    only_b += static_cast<std::size_t>(b.end() - j);
    return std::max(only_a, only_b);
}

double edit_similarity(std::size_t distance, std::size_t longer) {
    if (longer == 0) return 1;
    return 1.0 - static_cast<double>(distance) / static_cast<double>(longer);
}

/// The score of similarity(), or a value below `floor` (not necessarily the score)
/// when the score is certainly below it: the edit distance, the costly part, is
/// computed only when it could lift the score to `floor`.
double score(const ItemKey& a, const ItemKey& b, double floor) {
    if (a.name == b.name) return 1;
    const double name_words = jaccard(a.name_words, b.name_words);
    const bool both_described = a.has_description && b.has_description;
    const double desc = both_described ? jaccard(a.description_words, b.description_words) : 0;
    auto combine = [&](double name) { return both_described ? (name + desc) / 2 : name; };
    const std::size_t longer = std::max(a.name.size(), b.name.size());
    const double edit_bound = edit_similarity(bag_distance(a.letters, b.letters), longer);
    if (combine(std::max(name_words, edit_bound)) < floor) return combine(name_words);
    return combine(std::max(name_words, edit_similarity(text::edit_distance(a.name, b.name), longer)));
}

// ---------------------------------------------------------------- matching items

struct Recoding {
    RecodeMatch match = RecodeMatch::name;
    double score = 0;
};

/// Which item of NEW each item of OLD is (and back), -1 for none.
struct Matching {
    std::vector<int> to_new;
    std::vector<int> to_old;
    std::unordered_map<int, Recoding> recoded;  ///< by OLD index
};

bool has_alias(const Item& it, const std::string& code) {
    return std::find(it.aliases.begin(), it.aliases.end(), code) != it.aliases.end();
}

/// Order of preference among equal scores: an alias, then an equal name.
int rank(RecodeMatch m) {
    switch (m) {
        case RecodeMatch::alias:
            return 0;
        case RecodeMatch::name:
            return 1;
        case RecodeMatch::similarity:
            return 2;
    }
    return 3;
}

struct Candidate {
    double score;
    RecodeMatch match;
    int old_index;
    int new_index;
};

/// A pair of items under different codes as a re-coding candidate, if it is one.
std::optional<Candidate> candidate(const Item& a, const ItemKey& ka, int ia, const Item& b, const ItemKey& kb, int ib,
                                   double floor) {
    if (has_alias(b, a.code) || has_alias(a, b.code)) return Candidate{1, RecodeMatch::alias, ia, ib};
    if (ka.name == kb.name) return Candidate{1, RecodeMatch::name, ia, ib};
    const double s = score(ka, kb, floor);
    if (s >= floor) return Candidate{s, RecodeMatch::similarity, ia, ib};
    return std::nullopt;
}

Matching match_by_code(const Framework& a, const Framework& b) {
    Matching m;
    m.to_new.assign(a.items.size(), -1);
    m.to_old.assign(b.items.size(), -1);
    std::unordered_map<std::string, int> new_by_code;
    for (std::size_t j = 0; j < b.items.size(); ++j) new_by_code.emplace(b.items[j].code, static_cast<int>(j));
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (auto it = new_by_code.find(a.items[i].code); it != new_by_code.end()) {
            m.to_new[i] = it->second;
            m.to_old[static_cast<std::size_t>(it->second)] = static_cast<int>(i);
        }
    }
    return m;
}

/// Every pair of an unmatched item of OLD and an unmatched item of NEW that could
/// be one item re-coded.
std::vector<Candidate> recoding_candidates(const Framework& a, const Framework& b, const Matching& m, double floor) {
    std::vector<int> new_left;
    for (std::size_t j = 0; j < b.items.size(); ++j) {
        if (m.to_old[j] < 0) new_left.push_back(static_cast<int>(j));
    }
    std::vector<Candidate> found;
    if (new_left.empty()) return found;
    Vocabulary vocabulary;
    std::vector<ItemKey> new_keys;
    for (int j : new_left) new_keys.push_back(key_of(b.at(j), vocabulary));
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (m.to_new[i] >= 0) continue;
        const ItemKey ka = key_of(a.items[i], vocabulary);
        for (std::size_t k = 0; k < new_left.size(); ++k) {
            const Item& bj = b.at(new_left[k]);
            if (auto c = candidate(a.items[i], ka, static_cast<int>(i), bj, new_keys[k], new_left[k], floor)) {
                found.push_back(*c);
            }
        }
    }
    return found;
}

/// Pair the candidates greedily, best first (ties: alias before name before
/// similarity, then by old code, then by new code), each item at most once.
void take_best(const Framework& a, const Framework& b, std::vector<Candidate> found, Matching& m) {
    auto code = [](const Framework& fw, int i) -> const std::string& { return fw.at(i).code; };
    std::sort(found.begin(), found.end(), [&](const Candidate& x, const Candidate& y) {
        if (x.score != y.score) return x.score > y.score;
        if (x.match != y.match) return rank(x.match) < rank(y.match);
        if (code(a, x.old_index) != code(a, y.old_index)) return code(a, x.old_index) < code(a, y.old_index);
        return code(b, x.new_index) < code(b, y.new_index);
    });
    for (const auto& c : found) {
        auto& tn = m.to_new[static_cast<std::size_t>(c.old_index)];
        auto& to = m.to_old[static_cast<std::size_t>(c.new_index)];
        if (tn >= 0 || to >= 0) continue;
        tn = c.new_index;
        to = c.old_index;
        m.recoded[c.old_index] = Recoding{c.match, c.score};
    }
}

/// Items matched by equal code, then (unless switched off) the rest paired as re-coded.
Matching match_items(const Framework& a, const Framework& b, const DiffOptions& opt) {
    Matching m = match_by_code(a, b);
    if (opt.detect_recoding) take_best(a, b, recoding_candidates(a, b, m, opt.min_similarity), m);
    return m;
}

// ---------------------------------------------------------------- change records

using Code = std::optional<std::string>;

std::optional<std::string> value_or_none(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

Change scalar_change(ChangeKind k, std::string field, Code oc, Code nc, const std::string& a, const std::string& b) {
    Change c;
    c.kind = k;
    c.field = std::move(field);
    c.old_code = std::move(oc);
    c.new_code = std::move(nc);
    c.old_value = value_or_none(a);
    c.new_value = value_or_none(b);
    return c;
}

/// Values of `xs` not in `ys` (each occurrence counted), in the order of `xs`.
std::vector<std::string> minus(const std::vector<std::string>& xs, const std::vector<std::string>& ys) {
    std::unordered_map<std::string, int> left;
    for (const auto& y : ys) ++left[y];
    std::vector<std::string> out;
    for (const auto& x : xs) {
        if (auto it = left.find(x); it != left.end() && it->second > 0) {
            --it->second;
        } else {
            out.push_back(x);
        }
    }
    return out;
}

Change list_change(ChangeKind k, std::string field, Code oc, Code nc, std::vector<std::string> a,
                   std::vector<std::string> b) {
    Change c;
    c.kind = k;
    c.field = std::move(field);
    c.old_code = std::move(oc);
    c.new_code = std::move(nc);
    c.list = true;
    c.removed = minus(a, b);
    c.added = minus(b, a);
    c.old_list = std::move(a);
    c.new_list = std::move(b);
    return c;
}

/// Where changes go, with the codes of the thing being compared.
struct Sink {
    std::vector<Change>& out;
    Code old_code;
    Code new_code;

    void text(ChangeKind k, std::string field, const std::string& a, const std::string& b) const {
        if (a != b) out.push_back(scalar_change(k, std::move(field), old_code, new_code, a, b));
    }
    /// Lists compared in order; `as_set`: only which values they hold.
    void list(ChangeKind k, std::string field, const std::vector<std::string>& a, const std::vector<std::string>& b,
              bool as_set = false) const {
        if (a == b) return;
        auto c = list_change(k, std::move(field), old_code, new_code, a, b);
        if (as_set && c.removed.empty() && c.added.empty()) return;
        out.push_back(std::move(c));
    }
    /// x: fields by key, OLD's keys first.
    void extra(ChangeKind k, const Extra& a, const Extra& b) const {
        auto find = [](const Extra& e, const std::string& key) -> const std::string* {
            for (const auto& [k2, v] : e) {
                if (k2 == key) return &v;
            }
            return nullptr;
        };
        for (const auto& [key, v] : a) {
            const std::string* w = find(b, key);
            if (w && *w == v) continue;
            auto c = scalar_change(k, "x." + key, old_code, new_code, v, w ? *w : std::string());
            c.old_value = v;  // present, even when empty
            if (w) c.new_value = *w;
            out.push_back(std::move(c));
        }
        for (const auto& [key, w] : b) {
            if (find(a, key)) continue;
            auto c = scalar_change(k, "x." + key, old_code, new_code, std::string(), w);
            c.new_value = w;
            out.push_back(std::move(c));
        }
    }
};

// ---------------------------------------------------------------- header

std::vector<std::string> source_lines(const Framework& fw) {
    std::vector<std::string> out;
    for (const auto& s : fw.sources) out.push_back(s.url.empty() ? s.citation : s.citation + " <" + s.url + ">");
    return out;
}

void diff_header(const Framework& a, const Framework& b, std::vector<Change>& out) {
    const Sink s{out, std::nullopt, std::nullopt};
    constexpr auto k = ChangeKind::header_changed;
    s.text(k, "id", a.id, b.id);
    s.text(k, "title", a.title, b.title);
    s.text(k, "edition", a.edition, b.edition);
    s.text(k, "publisher", a.publisher, b.publisher);
    auto year = [](const Framework& fw) { return fw.year ? std::to_string(*fw.year) : std::string(); };
    s.text(k, "year", year(a), year(b));
    s.text(k, "uri", a.uri, b.uri);
    s.text(k, "status", a.status, b.status);
    s.text(k, "completeness", a.completeness, b.completeness);
    s.text(k, "completeness_note", a.completeness_note, b.completeness_note);
    s.text(k, "description", a.description, b.description);
    s.text(k, "notes", a.notes, b.notes);
    s.text(k, "license", a.license, b.license);
    s.list(k, "sources", source_lines(a), source_lines(b));
    s.extra(k, a.extra, b.extra);
}

// ---------------------------------------------------------------- items

struct ItemDiffer {
    const Framework& a;
    const Framework& b;
    const Matching& m;
    std::vector<Change>& out;

    const Item& old_item(int i) const { return a.at(i); }
    const Item& new_item(int j) const { return b.at(j); }
    Code old_code_of(int i) const { return i < 0 ? Code() : Code(old_item(i).code); }
    Code new_code_of(int j) const { return j < 0 ? Code() : Code(new_item(j).code); }

    void run() {
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            const int j = m.to_new[i];
            if (j < 0) {
                out.push_back(added_or_removed(ChangeKind::removed, a, static_cast<int>(i)));
            } else {
                compare(static_cast<int>(i), j);
            }
        }
        for (std::size_t j = 0; j < b.items.size(); ++j) {
            if (m.to_old[j] < 0) out.push_back(added_or_removed(ChangeKind::added, b, static_cast<int>(j)));
        }
        order(-1, -1);
    }

    static Change added_or_removed(ChangeKind k, const Framework& fw, int i) {
        const Item& it = fw.at(i);
        Change c;
        c.kind = k;
        (k == ChangeKind::added ? c.new_code : c.old_code) = it.code;
        (k == ChangeKind::added ? c.new_value : c.old_value) = it.name;
        c.item_type = it.type;
        if (it.parent >= 0) c.parent = fw.at(it.parent).code;
        return c;
    }

    static std::vector<std::string> headings(const Item& it) {
        std::vector<std::string> list;
        for (const auto& h : it.level_headings) list.push_back(h.level + ": " + h.text);
        return list;
    }

    void compare(int i, int j) {
        const Item& x = old_item(i);
        const Item& y = new_item(j);
        const Sink s{out, x.code, y.code};
        if (auto r = m.recoded.find(i); r != m.recoded.end()) {
            auto c = scalar_change(ChangeKind::recoded, "", x.code, y.code, x.name, y.name);
            c.match = r->second.match;
            c.similarity = r->second.score;
            out.push_back(std::move(c));
        }
        s.text(ChangeKind::renamed, "", x.name, y.name);
        if (moved(x, y)) {
            auto c = scalar_change(ChangeKind::moved, "", x.code, y.code, "", "");
            c.old_value = old_code_of(x.parent);
            c.new_value = new_code_of(y.parent);
            out.push_back(std::move(c));
        }
        s.text(ChangeKind::type_changed, "", x.type, y.type);
        s.text(ChangeKind::description_changed, "", x.description, y.description);
        s.text(ChangeKind::notes_changed, "", x.notes, y.notes);
        s.list(ChangeKind::aliases_changed, "", x.aliases, y.aliases, true);
        s.list(ChangeKind::outcomes_changed, "", x.outcomes, y.outcomes);
        s.list(ChangeKind::level_headings_changed, "", headings(x), headings(y));
        s.extra(ChangeKind::x_changed, x.extra, y.extra);
        order(i, j);
    }

    /// Its parent in NEW is not the counterpart of its parent in OLD.
    bool moved(const Item& x, const Item& y) const {
        if (x.parent < 0 || y.parent < 0) return (x.parent < 0) != (y.parent < 0);
        return m.to_new[static_cast<std::size_t>(x.parent)] != y.parent;
    }

    /// The children (the top-level items for -1) that stayed together under the
    /// same parent, as NEW indices, in OLD's order and in NEW's order.
    void order(int i, int j) {
        const std::vector<int>& old_children = i < 0 ? a.roots : old_item(i).children;
        const std::vector<int>& new_children = j < 0 ? b.roots : new_item(j).children;
        std::vector<int> before, after;
        for (int c : old_children) {
            const int n = m.to_new[static_cast<std::size_t>(c)];
            if (n >= 0 && new_item(n).parent == j) before.push_back(n);
        }
        for (int n : new_children) {
            const int o = m.to_old[static_cast<std::size_t>(n)];
            if (o >= 0 && old_item(o).parent == i) after.push_back(n);
        }
        if (before == after) return;
        auto codes = [&](const std::vector<int>& v) {
            std::vector<std::string> list;
            for (int n : v) list.push_back(new_item(n).code);
            return list;
        };
        out.push_back(
            list_change(ChangeKind::reordered, "", old_code_of(i), new_code_of(j), codes(before), codes(after)));
    }
};

// ---------------------------------------------------------------- scale

const Level* level_by_id(const Framework& fw, const std::string& id) {
    const int k = fw.level_index(id);
    return k < 0 ? nullptr : &fw.scale[static_cast<std::size_t>(k)];
}

void diff_scale(const Framework& a, const Framework& b, std::vector<Change>& out) {
    std::vector<std::string> before, after;
    for (const auto& l : a.scale) {
        const Level* w = level_by_id(b, l.id);
        if (!w) {
            out.push_back(scalar_change(ChangeKind::level_removed, "", l.id, std::nullopt, l.name, ""));
            continue;
        }
        before.push_back(l.id);
        const Sink s{out, l.id, l.id};
        s.text(ChangeKind::level_changed, "name", l.name, w->name);
        s.text(ChangeKind::level_changed, "description", l.description, w->description);
        s.extra(ChangeKind::level_changed, l.extra, w->extra);
    }
    for (const auto& l : b.scale) {
        if (!level_by_id(a, l.id)) {
            out.push_back(scalar_change(ChangeKind::level_added, "", std::nullopt, l.id, "", l.name));
        } else {
            after.push_back(l.id);
        }
    }
    if (before != after)
        out.push_back(list_change(ChangeKind::scale_reordered, "", std::nullopt, std::nullopt, before, after));
}

// ---------------------------------------------------------------- profiles

/// A profile's requirements as codes of NEW: OLD's codes through the matching
/// (an alias to its item's code; an item with no counterpart keeps its code).
std::vector<std::string> required_in_new_terms(const Framework& fw, const Profile& p, const Framework& b,
                                               const std::vector<int>* to_new) {
    std::vector<std::string> out;
    for (const auto& code : p.required) {
        const int i = fw.find(code);
        if (i < 0) {
            out.push_back(code);
        } else if (!to_new) {
            out.push_back(fw.at(i).code);
        } else {
            const int j = (*to_new)[static_cast<std::size_t>(i)];
            out.push_back(j >= 0 ? b.at(j).code : fw.at(i).code);
        }
    }
    return out;
}

/// `requires` compared as sets of items (order, aliases and re-codings aside).
void diff_requires(const Framework& a, const Profile& p, const Framework& b, const Profile& q, const Matching& m,
                   std::vector<Change>& out) {
    const auto before = required_in_new_terms(a, p, b, &m.to_new);
    const auto after = required_in_new_terms(b, q, b, nullptr);
    std::unordered_set<std::string> before_set(before.begin(), before.end()), after_set(after.begin(), after.end());
    auto c = list_change(ChangeKind::profile_changed, "requires", p.id, q.id, p.required, q.required);
    c.removed.clear();
    c.added.clear();
    for (std::size_t k = 0; k < before.size(); ++k) {
        if (!after_set.count(before[k])) c.removed.push_back(p.required[k]);
    }
    for (std::size_t k = 0; k < after.size(); ++k) {
        if (!before_set.count(after[k])) c.added.push_back(q.required[k]);
    }
    if (!c.removed.empty() || !c.added.empty()) out.push_back(std::move(c));
}

void diff_profiles(const Framework& a, const Framework& b, const Matching& m, std::vector<Change>& out) {
    for (const auto& p : a.profiles) {
        const Profile* q = b.profile(p.id);
        if (!q) {
            out.push_back(scalar_change(ChangeKind::profile_removed, "", p.id, std::nullopt, p.name, ""));
            continue;
        }
        const Sink s{out, p.id, q->id};
        s.text(ChangeKind::profile_changed, "name", p.name, q->name);
        s.text(ChangeKind::profile_changed, "description", p.description, q->description);
        s.text(ChangeKind::profile_changed, "notes", p.notes, q->notes);
        s.text(ChangeKind::profile_changed, "level", p.level, q->level);
        diff_requires(a, p, b, *q, m, out);
        if (auto c = list_change(ChangeKind::profile_changed, "stages", p.id, q->id, p.stages, q->stages);
            !c.removed.empty() || !c.added.empty()) {
            out.push_back(std::move(c));
        }
        if (auto c = list_change(ChangeKind::profile_changed, "not_for_stages", p.id, q->id, p.not_for_stages,
                                 q->not_for_stages);
            !c.removed.empty() || !c.added.empty()) {
            out.push_back(std::move(c));
        }
        const auto recent = [](const Profile& x) {
            std::vector<std::string> said;
            for (const auto& c : x.recent_evidence)
                said.push_back(fmt::format("{} within {} months", c.type, c.within_months));
            return said;
        };
        if (auto c = list_change(ChangeKind::profile_changed, "recent_evidence", p.id, q->id, recent(p), recent(*q));
            !c.removed.empty() || !c.added.empty()) {
            out.push_back(std::move(c));
        }
    }
    for (const auto& q : b.profiles) {
        if (!a.profile(q.id))
            out.push_back(scalar_change(ChangeKind::profile_added, "", std::nullopt, q.id, "", q.name));
    }
}

}  // namespace

// ---------------------------------------------------------------- public

std::size_t filter_changes(FrameworkDiff& d, const DiffFilter& filter) {
    const auto before = d.changes.size();
    std::erase_if(d.changes, [&filter](const Change& c) {
        const DiffSubject subject = info(c.kind).subject;
        if (!filter.only.empty() && std::find(filter.only.begin(), filter.only.end(), subject) == filter.only.end()) {
            return true;
        }
        return filter.ignore_x && c.field.starts_with("x.");
    });
    return before - d.changes.size();
}

const ChangeKindInfo& info(ChangeKind k) {
    return kDiffKinds[static_cast<std::size_t>(k)];
}

std::string_view to_string(ChangeKind k) {
    return info(k).name;
}

std::string_view to_string(DiffSubject s) {
    switch (s) {
        case DiffSubject::header:
            return "header";
        case DiffSubject::item:
            return "item";
        case DiffSubject::level:
            return "level";
        case DiffSubject::profile:
            return "profile";
    }
    return "";
}

std::string_view to_string(RecodeMatch m) {
    switch (m) {
        case RecodeMatch::name:
            return "name";
        case RecodeMatch::alias:
            return "alias";
        case RecodeMatch::similarity:
            return "similarity";
    }
    return "";
}

std::array<std::size_t, kDiffKinds.size()> FrameworkDiff::counts() const {
    std::array<std::size_t, kDiffKinds.size()> n{};
    for (const auto& c : changes) ++n[static_cast<std::size_t>(c.kind)];
    return n;
}

double similarity(const Item& a, const Item& b) {
    Vocabulary vocabulary;
    return score(key_of(a, vocabulary), key_of(b, vocabulary), 0);
}

FrameworkDiff diff_frameworks(const Framework& old_fw, const Framework& new_fw, const DiffOptions& opt) {
    FrameworkDiff d;
    d.old_id = old_fw.id;
    d.old_title = old_fw.title;
    d.old_edition = old_fw.edition;
    d.old_completeness = old_fw.completeness;
    d.new_id = new_fw.id;
    d.new_title = new_fw.title;
    d.new_edition = new_fw.edition;
    d.new_completeness = new_fw.completeness;
    const Matching m = match_items(old_fw, new_fw, opt);
    diff_header(old_fw, new_fw, d.changes);
    ItemDiffer{old_fw, new_fw, m, d.changes}.run();
    diff_scale(old_fw, new_fw, d.changes);
    diff_profiles(old_fw, new_fw, m, d.changes);
    return d;
}

}  // namespace leadctl
