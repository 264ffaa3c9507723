#include "cli/check/sharding.hpp"

#include <charconv>

namespace memx::check {

namespace {

std::optional<std::size_t> parseCount(std::string_view text) {
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::optional<Shard> parseShard(const std::string& text, std::string& error) {
    std::size_t slash = text.find('/');
    if (slash == std::string::npos) {
        error = "--shard takes K/N, for example 2/4";
        return std::nullopt;
    }
    auto index = parseCount(std::string_view(text).substr(0, slash));
    auto count = parseCount(std::string_view(text).substr(slash + 1));
    if (!index || !count) {
        error = "--shard takes K/N with whole numbers, for example 2/4";
        return std::nullopt;
    }
    if (*count == 0 || *index == 0 || *index > *count) {
        error = "--shard K/N needs 1 <= K <= N";
        return std::nullopt;
    }
    return Shard{*index, *count};
}

std::vector<DiscoveredTest> selectShard(const std::vector<DiscoveredTest>& sorted, Shard shard) {
    std::vector<DiscoveredTest> selected;
    for (std::size_t i = shard.index - 1; i < sorted.size(); i += shard.count) {
        selected.push_back(sorted[i]);
    }
    return selected;
}

}  // namespace memx::check
