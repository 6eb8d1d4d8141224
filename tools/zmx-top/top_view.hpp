// What zmx-top shows: from two of a broker's "stats" answers (JSON, see
// docs/tools.md) a second apart, each device side's rates, drops and queue
// depths, as the lines of one screen.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace zmx_top {

// previous may be null (the first answer: no rates yet). `seconds` is the
// time between the two. Throws nlohmann::json::exception on an answer not
// shaped as a broker's.
std::vector<std::string> render(const nlohmann::json& now, const nlohmann::json* previous, double seconds,
                                const std::string& endpoint);

}  // namespace zmx_top
