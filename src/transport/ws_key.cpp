#include "transport/ws_key.hpp"

#include <nettle/base64.h>
#include <nettle/sha1.h>

#include <array>
#include <cstdint>
#include <random>

namespace zmx {

namespace {

constexpr std::string_view handshake_guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
constexpr size_t key_bytes = 16;

std::string to_base64(const uint8_t* bytes, size_t size) {
    std::string text(BASE64_ENCODE_RAW_LENGTH(size), '\0');
    base64_encode_raw(reinterpret_cast<char*>(text.data()), size, bytes);
    return text;
}

}  // namespace

std::string new_ws_key() {
    // Not a secret: the key only keeps caches from answering for the server.
    thread_local std::mt19937 source(std::random_device{}());
    std::array<uint8_t, key_bytes> nonce{};
    for (auto& byte : nonce)
        byte = static_cast<uint8_t>(source());
    return to_base64(nonce.data(), nonce.size());
}

std::string ws_accept_key(std::string_view key) {
    sha1_ctx context;
    sha1_init(&context);
    sha1_update(&context, key.size(), reinterpret_cast<const uint8_t*>(key.data()));
    sha1_update(&context, handshake_guid.size(), reinterpret_cast<const uint8_t*>(handshake_guid.data()));
    std::array<uint8_t, SHA1_DIGEST_SIZE> digest{};
    sha1_digest(&context, digest.size(), digest.data());
    return to_base64(digest.data(), digest.size());
}

bool is_valid_ws_key(std::string_view key) {
    constexpr size_t key_length = BASE64_ENCODE_RAW_LENGTH(key_bytes);  // 24, with its "=="
    if (key.size() != key_length)
        return false;
    base64_decode_ctx context;
    base64_decode_init(&context);
    std::array<uint8_t, BASE64_DECODE_LENGTH(key_length)> decoded{};
    size_t size = decoded.size();
    return base64_decode_update(&context, &size, decoded.data(), key.size(), key.data()) == 1 &&
           base64_decode_final(&context) == 1 && size == key_bytes;
}

} // namespace zmx
