// The socket types zmx-cat opens, by the names people type.
#pragma once

#include <string>
#include <vector>

namespace zmx_cat {

struct socket_kind {
    const char* name;
    int type;
    // Fixed role for the one-way and request/reply types; the others send
    // when given something to send and receive otherwise.
    enum { sends, receives, requests, replies, either } use;
};

// All kinds, in the order --help lists them.
const std::vector<socket_kind>& socket_kinds();
const socket_kind* find_socket_kind(const std::string& name);

}  // namespace zmx_cat
