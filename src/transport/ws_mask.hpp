// RFC 6455 masking: a client XORs every payload byte i with key[i % 4].
// The same operation masks and unmasks.
//
// A payload reaches the decoder in pieces (one per read), so each call
// takes the key position of its first byte (`phase`, 0..3) and returns the
// position the next piece starts at. The work is done eight bytes at a
// time on a 64-bit word of the key rotated to the phase; loads and stores
// go through memcpy, so any alignment is fine and no pointer is reinterpreted.
//
// Threading: pure functions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace zmx::ws {

using mask_key = std::array<uint8_t, 4>;

// dst[i] = src[i] ^ key[(phase + i) % 4] for i < size; dst may be src
// itself (masking in place) but must not otherwise overlap it. Returns
// the phase that follows the last byte.
size_t mask_copy(uint8_t* dst, const uint8_t* src, size_t size, const mask_key& key, size_t phase);

// Masks (or unmasks) bytes in place.
inline size_t apply_mask(uint8_t* bytes, size_t size, const mask_key& key, size_t phase) {
    return mask_copy(bytes, bytes, size, key, phase);
}

} // namespace zmx::ws
