// The keys of the WebSocket opening handshake (RFC 6455 section 4):
// a client's Sec-WebSocket-Key is 16 random bytes in base64; the server
// proves it read it with Sec-WebSocket-Accept, the base64 of the SHA-1 of
// the key followed by the protocol's GUID. SHA-1 and base64 are nettle's.
//
// Threading: pure functions (new_ws_key reads a per-thread generator).
#pragma once

#include <string>
#include <string_view>

namespace zmx {

std::string new_ws_key();
std::string ws_accept_key(std::string_view key);
// Whether a client's key has the form RFC 6455 asks for: 16 bytes in base64.
bool is_valid_ws_key(std::string_view key);

} // namespace zmx
