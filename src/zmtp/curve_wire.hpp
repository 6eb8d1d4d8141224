// The CURVE handshake commands' layouts (RFC 26) and nonce prefixes, as
// both sides read and write them. Sizes are of whole command bodies (the
// name's length byte and name included); a box is its 16-byte MAC then
// the ciphertext.
//
//   HELLO     200 = "\x05HELLO", version 1.0, 72 zero bytes (the server
//                   never answers with more than the client sent),
//                   C' (32), short nonce (8), Box[64 zeros](C'->S) (80)
//   WELCOME   168 = "\x07WELCOME", long nonce (16),
//                   Box[S' + cookie](S->C') (144)
//   INITIATE  257+ = "\x08INITIATE", cookie (96), short nonce (8),
//                   Box[C + vouch nonce (16) + vouch (80) + metadata](C'->S')
//   READY     30+ = "\x05READY", short nonce (8), Box[metadata](S'->C')
//
//   cookie    = long nonce (16), SecretBox[C' + s'](cookie key) (80)
//   vouch     = Box[C' + S](C->S'), nonce "VOUCH---" + 16 random bytes
//
// Threading: constants only.
#pragma once

#include "zmtp/curve_crypto.hpp"

#include <cstddef>
#include <string_view>

namespace zmx::zmtp::curve {

inline constexpr std::string_view hello_prefix = "CurveZMQHELLO---";
inline constexpr std::string_view welcome_prefix = "WELCOME-";
inline constexpr std::string_view initiate_prefix = "CurveZMQINITIATE";
inline constexpr std::string_view ready_prefix = "CurveZMQREADY---";
inline constexpr std::string_view client_message_prefix = "CurveZMQMESSAGEC";
inline constexpr std::string_view server_message_prefix = "CurveZMQMESSAGES";
inline constexpr std::string_view cookie_prefix = "COOKIE--";
inline constexpr std::string_view vouch_prefix = "VOUCH---";

inline constexpr size_t hello_size = 200;
inline constexpr size_t hello_padding = 72;
inline constexpr size_t hello_signature = 64;  // the zeros HELLO's box holds
inline constexpr size_t welcome_size = 168;
inline constexpr size_t cookie_size = long_nonce_size + mac_size + 2 * key_size;  // 96
inline constexpr size_t vouch_size = mac_size + 2 * key_size;                      // 80
// C, the vouch's nonce and the vouch: what INITIATE's box holds before metadata.
inline constexpr size_t initiate_credentials = key_size + long_nonce_size + vouch_size;  // 128
inline constexpr size_t initiate_min_size = 9 + cookie_size + short_nonce_size + mac_size + initiate_credentials;
inline constexpr size_t ready_min_size = 6 + short_nonce_size + mac_size;

} // namespace zmx::zmtp::curve
