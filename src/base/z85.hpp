// Z85 (ZeroMQ RFC 32): 4 binary bytes as 5 printable characters.
#pragma once

#include <cstddef>
#include <cstdint>

namespace zmx::z85 {

// Writes size * 5 / 4 characters and a NUL; false when size % 4 != 0.
bool encode(char* dest, const uint8_t* data, size_t size);
// Writes strlen(text) * 4 / 5 bytes; false when the length is not a
// multiple of 5 or a character is outside the alphabet.
bool decode(uint8_t* dest, const char* text);

}  // namespace zmx::z85
