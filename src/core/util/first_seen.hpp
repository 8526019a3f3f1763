// Short strings mapped to the number each was first seen with (an entry id to
// the line of its first entry), held compactly for logs of any length: each
// key's bytes once, with its number, in 64 KiB blocks, and a hash table of
// 32-bit references into them. About 11 bytes a key plus the key itself,
// against ~70 for an unordered_map<std::string, int> (bench/evidence.sh
// measures `evidence validate`'s peak memory against the length of the log).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace leadctl {

class FirstSeen {
public:
    /// The number `key` was first seen with; nullopt when it is new, and then
    /// `number` is kept for it. Throws std::length_error past 4 GiB of keys.
    std::optional<int> insert(std::string_view key, int number);

    [[nodiscard]] std::size_t size() const noexcept { return count_; }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFU;
    static constexpr std::size_t kBlock = std::size_t{1} << 16;

    struct Block {
        std::unique_ptr<char[]> bytes;
        std::size_t used = 0;
        std::size_t size = 0;
    };

    [[nodiscard]] const char* record(std::uint32_t ref) const noexcept;
    [[nodiscard]] std::string_view key_at(std::uint32_t ref) const noexcept;
    [[nodiscard]] int number_at(std::uint32_t ref) const noexcept;
    std::uint32_t store(std::string_view key, int number);
    void grow();
    [[nodiscard]] std::size_t find_slot(std::string_view key, std::size_t hash) const noexcept;

    std::vector<Block> blocks_;
    std::vector<std::uint32_t> table_;  ///< kEmpty or a reference, per slot
    std::size_t count_ = 0;
};

}  // namespace leadctl
