// The json format: one message per line, a JSON array of its frames. A frame
// that is UTF-8 is a string; any other is {"hex": "..."}, so every message
// can be written and read back unchanged.
#pragma once

#include "multipart.hpp"

#include <string>
#include <string_view>

namespace zmx_cat {

std::string json_render(const zmx_tools::frames& message);
// Throws format_error for anything but an array of such frames.
zmx_tools::frames json_parse(std::string_view line);

}  // namespace zmx_cat
