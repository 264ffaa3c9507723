// Colours and dash patterns for relations: the four base relations keep fixed styles in every
// figure, any other relation (ppo, hb, pb, rb, ...) takes the next free one in order of
// appearance. Colours come from the Okabe-Ito palette, which stays distinct under the common
// colour-vision deficiencies; the dash pattern differs too, so grey prints still read.
#pragma once

#include <string>
#include <vector>

#include "render/layout.hpp"

namespace memx::render {

// One style per name, in the order given; duplicate names get one entry.
std::vector<RelationStyle> assignStyles(const std::vector<std::string>& relationNames);

}  // namespace memx::render
