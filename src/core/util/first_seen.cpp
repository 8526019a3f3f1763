#include "core/util/first_seen.hpp"

#include <cstring>
#include <functional>
#include <stdexcept>

namespace leadctl {

// A record is the key's length (one byte below 255; else 255 and four bytes),
// the number (four bytes), then the key, unaligned (read with memcpy). A
// reference is (block << 16) | offset: a key too long for a shared block gets a
// block of its own at offset 0, so 65,535 blocks of 64 KiB address 4 GiB of keys.
namespace {
constexpr unsigned char kLongKey = 255;

std::size_t header_size(std::size_t key_size) {
    return key_size < kLongKey ? 5 : 9;
}

/// Where `hash` falls in a table of `n` slots (n < 2^32): Lemire's multiply-shift
/// on the hash's high half, for a table of any size.
std::size_t home(std::size_t hash, std::size_t n) {
    return static_cast<std::size_t>(((static_cast<std::uint64_t>(hash) >> 32) * n) >> 32);
}
}  // namespace

const char* FirstSeen::record(std::uint32_t ref) const noexcept {
    return blocks_[ref >> 16].bytes.get() + (ref & 0xFFFFU);
}

std::string_view FirstSeen::key_at(std::uint32_t ref) const noexcept {
    const char* r = record(ref);
    const auto first = static_cast<unsigned char>(r[0]);
    if (first < kLongKey) return {r + 5, first};
    std::uint32_t len = 0;
    std::memcpy(&len, r + 5, sizeof len);
    return {r + 9, len};
}

int FirstSeen::number_at(std::uint32_t ref) const noexcept {
    int n = 0;
    std::memcpy(&n, record(ref) + 1, sizeof n);
    return n;
}

std::uint32_t FirstSeen::store(std::string_view key, int number) {
    if (key.size() > 0xFFFFFFF0U) throw std::length_error("key too long");
    const std::size_t header = header_size(key.size());
    const std::size_t need = header + key.size();
    if (blocks_.empty() || blocks_.back().size - blocks_.back().used < need) {
        if (blocks_.size() >= 0xFFFFU) throw std::length_error("too many keys");
        const std::size_t size = need > kBlock ? need : kBlock;
        blocks_.push_back({std::make_unique<char[]>(size), 0, size});
    }
    Block& b = blocks_.back();
    const auto ref = static_cast<std::uint32_t>(((blocks_.size() - 1) << 16) | b.used);
    char* r = b.bytes.get() + b.used;
    if (key.size() < kLongKey) {
        r[0] = static_cast<char>(key.size());
    } else {
        r[0] = static_cast<char>(kLongKey);
        const auto len = static_cast<std::uint32_t>(key.size());
        std::memcpy(r + 5, &len, sizeof len);
    }
    std::memcpy(r + 1, &number, sizeof number);
    if (!key.empty()) std::memcpy(r + header, key.data(), key.size());
    b.used += need;
    return ref;
}

std::size_t FirstSeen::find_slot(std::string_view key, std::size_t hash) const noexcept {
    // Linear probing from the key's home slot; the table is never full.
    const std::size_t n = table_.size();
    for (std::size_t i = home(hash, n);; i = i + 1 == n ? 0 : i + 1) {
        const std::uint32_t ref = table_[i];
        if (ref == kEmpty || key_at(ref) == key) return i;
    }
}

void FirstSeen::grow() {
    // By half again, not double: the old and new tables are both held while the
    // keys move, and that moment is the peak of a long log's memory.
    std::vector<std::uint32_t> old = std::move(table_);
    table_.assign(old.empty() ? 64 : old.size() + old.size() / 2, kEmpty);
    for (const std::uint32_t ref : old) {
        if (ref != kEmpty) table_[find_slot(key_at(ref), std::hash<std::string_view>{}(key_at(ref)))] = ref;
    }
}

std::optional<int> FirstSeen::insert(std::string_view key, int number) {
    // At most three quarters full: a miss then takes a few probes.
    if ((count_ + 1) * 4 > table_.size() * 3) grow();
    const std::size_t hash = std::hash<std::string_view>{}(key);
    const std::size_t slot = find_slot(key, hash);
    if (table_[slot] != kEmpty) return number_at(table_[slot]);
    table_[slot] = store(key, number);
    ++count_;
    return std::nullopt;
}

}  // namespace leadctl
