// zmx's default hash of load-balancing keys and hash-ring points: 32-bit
// FNV-1a, then murmur3's final mix, so keys differing in one byte (peer#1,
// peer#2) land far apart.
#pragma once

#include <cstddef>
#include <cstdint>

namespace zmx {

inline uint32_t key_hash(const void* data, size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; ++i) {
        h ^= bytes[i];
        h *= 16777619u;
    }
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

} // namespace zmx
