#include "base/z85.hpp"

#include <array>
#include <cstring>

namespace zmx::z85 {

namespace {

constexpr char alphabet[] =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

// Character -> digit value, 0xff for characters outside the alphabet.
constexpr std::array<uint8_t, 256> digit_table() {
    std::array<uint8_t, 256> table{};
    for (auto& entry : table)
        entry = 0xff;
    for (uint8_t i = 0; i < 85; ++i)
        table[static_cast<uint8_t>(alphabet[i])] = i;
    return table;
}

constexpr auto digits = digit_table();

}  // namespace

bool encode(char* dest, const uint8_t* data, size_t size) {
    if (size % 4 != 0)
        return false;
    for (size_t i = 0; i < size; i += 4) {
        uint32_t value = uint32_t(data[i]) << 24 | uint32_t(data[i + 1]) << 16 |
                         uint32_t(data[i + 2]) << 8 | data[i + 3];
        for (int k = 4; k >= 0; --k) {
            dest[k] = alphabet[value % 85];
            value /= 85;
        }
        dest += 5;
    }
    *dest = '\0';
    return true;
}

bool decode(uint8_t* dest, const char* text) {
    const size_t length = std::strlen(text);
    if (length % 5 != 0)
        return false;
    for (size_t i = 0; i < length; i += 5) {
        uint64_t value = 0;
        for (size_t k = 0; k < 5; ++k) {
            const uint8_t digit = digits[static_cast<uint8_t>(text[i + k])];
            if (digit == 0xff)
                return false;
            value = value * 85 + digit;
        }
        if (value > 0xffffffffu)
            return false;
        for (int k = 3; k >= 0; --k) {
            dest[k] = static_cast<uint8_t>(value);
            value >>= 8;
        }
        dest += 4;
    }
    return true;
}

}  // namespace zmx::z85
