// `--shard K/N`: a CI matrix splits one run into N jobs. Shard K (1-based) takes the tests at
// positions K-1, K-1+N, K-1+2N, ... of the sorted discovery list, so the N shards are
// disjoint, together hold every test, and differ in size by at most one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/check/test_discovery.hpp"

namespace memx::check {

struct Shard {
    std::size_t index = 1;  // K, 1-based
    std::size_t count = 1;  // N
};

// Parses "K/N" with 1 <= K <= N; nullopt (and `error` set) otherwise.
std::optional<Shard> parseShard(const std::string& text, std::string& error);

std::vector<DiscoveredTest> selectShard(const std::vector<DiscoveredTest>& sorted, Shard shard);

}  // namespace memx::check
