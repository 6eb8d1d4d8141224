#include "transport/ws_mask.hpp"

#include <cstring>

namespace zmx::ws {

size_t mask_copy(uint8_t* dst, const uint8_t* src, size_t size, const mask_key& key, size_t phase) {
    // The key repeated over eight bytes, starting at the phase: byte j of
    // the word masks byte i of the payload whenever i % 8 == j.
    uint8_t rotated[8];
    for (size_t j = 0; j < sizeof rotated; ++j)
        rotated[j] = key[(phase + j) % 4];
    uint64_t word;
    std::memcpy(&word, rotated, sizeof word);
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t chunk;
        std::memcpy(&chunk, src + i, sizeof chunk);
        chunk ^= word;
        std::memcpy(dst + i, &chunk, sizeof chunk);
    }
    for (; i < size; ++i)
        dst[i] = static_cast<uint8_t>(src[i] ^ rotated[i % 8]);
    return (phase + size) % 4;
}

} // namespace zmx::ws
