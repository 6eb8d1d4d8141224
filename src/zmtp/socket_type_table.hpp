// Socket types on the wire: the names ZMTP's READY carries and which pairs
// may talk (RFC 23/37).
#pragma once

#include <string_view>

namespace zmx::zmtp {

// "PUSH", "ROUTER", ...; empty for a type with no wire name.
std::string_view socket_type_name(int type);
// Whether a socket of our type may talk to a peer announcing peer_name.
bool compatible(int our_type, std::string_view peer_name);

}  // namespace zmx::zmtp
