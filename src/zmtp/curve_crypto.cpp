#include "zmtp/curve_crypto.hpp"

#include "zmtp/big_endian.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace zmx::zmtp::curve {

static_assert(crypto_box_PUBLICKEYBYTES == key_size && crypto_box_SECRETKEYBYTES == key_size);
static_assert(crypto_box_BEFORENMBYTES == key_size && crypto_secretbox_KEYBYTES == key_size);
static_assert(crypto_box_MACBYTES == mac_size && crypto_secretbox_MACBYTES == mac_size);
static_assert(crypto_box_NONCEBYTES == nonce_size && crypto_secretbox_NONCEBYTES == nonce_size);

bool ready() {
    // sodium_init is idempotent and thread-safe; the first answer stands.
    static const bool started = sodium_init() >= 0;
    return started;
}

key key_from(std::string_view bytes) {
    key k{};
    if (bytes.size() == key_size)
        std::memcpy(k.data(), bytes.data(), key_size);
    return k;
}

keypair new_keypair() {
    ready();  // a mechanism's first use of libsodium
    keypair pair;
    crypto_box_keypair(pair.public_key.data(), pair.secret_key.data());
    return pair;
}

key public_key_of(const key& secret) {
    key k{};
    crypto_scalarmult_base(k.data(), secret.data());
    return k;
}

void random_bytes(uint8_t* out, size_t size) { randombytes_buf(out, size); }

void wipe(void* data, size_t size) { sodium_memzero(data, size); }

nonce short_nonce(std::string_view prefix, uint64_t counter) {
    nonce n{};
    std::copy_n(prefix.begin(), std::min(prefix.size(), nonce_size - short_nonce_size), n.begin());
    put_big_endian<uint64_t>(n.data() + nonce_size - short_nonce_size, counter);
    return n;
}

nonce long_nonce(std::string_view prefix, const uint8_t* tail) {
    nonce n{};
    std::copy_n(prefix.begin(), std::min(prefix.size(), nonce_size - long_nonce_size), n.begin());
    std::memcpy(n.data() + nonce_size - long_nonce_size, tail, long_nonce_size);
    return n;
}

bool box(bytes& out, byte_view plain, const nonce& n, const key& to, const key& from_secret) {
    const size_t at = out.size();
    out.resize(at + mac_size + plain.size());
    if (crypto_box_easy(out.data() + at, plain.data(), plain.size(), n.data(), to.data(), from_secret.data()) == 0)
        return true;
    out.resize(at);
    return false;
}

bool unbox(bytes& out, byte_view boxed, const nonce& n, const key& from, const key& to_secret) {
    if (boxed.size() < mac_size)
        return false;
    out.resize(boxed.size() - mac_size);
    return crypto_box_open_easy(out.data(), boxed.data(), boxed.size(), n.data(), from.data(), to_secret.data()) == 0;
}

void secret_box(bytes& out, byte_view plain, const nonce& n, const key& secret) {
    const size_t at = out.size();
    out.resize(at + mac_size + plain.size());
    // Cannot fail: any 32 bytes are a secretbox key.
    (void)crypto_secretbox_easy(out.data() + at, plain.data(), plain.size(), n.data(), secret.data());
}

bool secret_unbox(bytes& out, byte_view boxed, const nonce& n, const key& secret) {
    if (boxed.size() < mac_size)
        return false;
    out.resize(boxed.size() - mac_size);
    return crypto_secretbox_open_easy(out.data(), boxed.data(), boxed.size(), n.data(), secret.data()) == 0;
}

} // namespace zmx::zmtp::curve
