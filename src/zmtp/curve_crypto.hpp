// The few libsodium primitives CurveZMQ (RFC 25/26) is built from, with
// its key and nonce shapes: Curve25519 keys of 32 bytes, 24-byte nonces
// made of a text prefix and a counter or random bytes, and boxes written
// as libsodium's "easy" form (16-byte MAC, then ciphertext), which is the
// form on the wire.
//
// Threading: stateless functions; safe from any thread once ready().
#pragma once

#include "zmtp/commands.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace zmx::zmtp::curve {

inline constexpr size_t key_size = 32;
inline constexpr size_t mac_size = 16;
inline constexpr size_t nonce_size = 24;
inline constexpr size_t short_nonce_size = 8;   // a counter, after a 16-byte prefix
inline constexpr size_t long_nonce_size = 16;   // random, after an 8-byte prefix

using key = std::array<uint8_t, key_size>;
using nonce = std::array<uint8_t, nonce_size>;

// Starts libsodium once per process; false if it cannot (no entropy).
bool ready();

// A key from a socket option's 32 bytes; all zeros when it was never set,
// as libzmq uses an unset key (the handshake then fails, it does not crash).
key key_from(std::string_view bytes);

struct keypair {
    key public_key{};
    key secret_key{};
};
keypair new_keypair();
key public_key_of(const key& secret);

void random_bytes(uint8_t* out, size_t size);
// Overwrites memory that held secrets before it is released.
void wipe(void* data, size_t size);

// prefix (16 bytes) then the big-endian counter.
nonce short_nonce(std::string_view prefix, uint64_t counter);
// prefix (8 bytes) then 16 bytes (random ones, as the sender chose them).
nonce long_nonce(std::string_view prefix, const uint8_t* tail);

// Appends Box[plain](from -> to): the MAC then the ciphertext. false
// (nothing appended) if a key is one libsodium refuses (a low-order point,
// or all zeros: an unset key).
[[nodiscard]] bool box(bytes& out, byte_view plain, const nonce& n, const key& to, const key& from_secret);
// Sets out to what the box holds; false if it does not open.
bool unbox(bytes& out, byte_view boxed, const nonce& n, const key& from, const key& to_secret);
// The same with a symmetric key (the server's cookie).
void secret_box(bytes& out, byte_view plain, const nonce& n, const key& secret);
bool secret_unbox(bytes& out, byte_view boxed, const nonce& n, const key& secret);

} // namespace zmx::zmtp::curve
