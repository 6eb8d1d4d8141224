// Network-byte-order integers as ZMTP writes them: sizes, property value
// lengths and the PING TTL are big-endian and usually unaligned.
#pragma once

#include <cstddef>
#include <cstdint>

namespace zmx::zmtp {

template <typename T>
inline void put_big_endian(uint8_t* out, T value) {
    for (size_t i = sizeof(T); i-- > 0;) {
        out[i] = static_cast<uint8_t>(value & 0xFF);
        value = static_cast<T>(value >> 8);
    }
}

template <typename T>
inline T get_big_endian(const uint8_t* in) {
    T value = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
        value = static_cast<T>((value << 8) | in[i]);
    return value;
}

} // namespace zmx::zmtp
