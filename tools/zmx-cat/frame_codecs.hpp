// One frame in the text, hex and z85 formats (json has json_lines).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace zmx_cat {

// Bytes that cannot be written, or text that cannot be read, in a format.
class format_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string hex_encode(std::string_view bytes);
std::string hex_decode(std::string_view hex);
// Z85 (RFC 32) covers whole 4-byte groups only: other sizes are refused.
std::string z85_encode(std::string_view bytes);
std::string z85_decode(std::string_view text);

}  // namespace zmx_cat
