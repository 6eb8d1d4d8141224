// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing
// past U+10FFFF.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace zmx_cat {

bool is_utf8(std::string_view bytes);
void append_utf8(std::string& out, uint32_t code_point);

}  // namespace zmx_cat
