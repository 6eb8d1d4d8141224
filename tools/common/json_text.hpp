// JSON string literals, for the broker's statistics and zmx-cat's json
// format. Only writing is shared; zmx-cat reads its own small subset.
#pragma once

#include <string>
#include <string_view>

namespace zmx_tools {

// Appends `text` (UTF-8) as a quoted JSON string: quotes, backslashes and
// control characters escaped, everything else as it is.
void append_json_string(std::string& out, std::string_view text);

}  // namespace zmx_tools
